package org.xuke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xuke.account.AccountService;
import org.xuke.account.Role;
import org.xuke.enterprise.EnterpriseDetails;
import org.xuke.enterprise.EnterpriseService;
import org.xuke.identity.CertificateService;

/**
 * The reconciliation's crash test (bench profile, it kills the run's server:
 * {@code ./mvnw -Pbench verify -Dit.test=ReconciliationCrashBenchmark}, {@code -Dbench.licences=N}).
 * On a year of data ({@link ReconciliationYear}, 330,000 licences by default) the job runs once
 * uninterrupted for one date with write-offs only proposed; then, with the authorities letting the
 * job write off, for the next date, and the server is killed ({@code SIGKILL}) when about 40 % of
 * the licences are reconciled. After the restart the interrupted run is FAILED (marked by the
 * server as it starts), is restarted from 核销对账 and completes. Compared in the database: every
 * licence's figures and outcome (a proposal of the first run is a write-off of the second), every
 * anomaly with its evidence, and one cancellation to customs per written-off licence, none twice.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReconciliationCrashBenchmark {

    static final int LICENCES = Integer.getInteger("bench.licences", 330_000);
    static final long FIRST = 700_000_000L;
    private static final String PASSWORD = "Xk-2026-bench-crash-19";
    private static final String PAGE = PortalClient.HTTPS + "/officer/reconciliation.xhtml";
    private static final String[] AUTHORITIES = {"PROV-NINGXIA", "PROV-XINJIANG", "PROV-TIBET", "PROV-SHAANXI"};
    private static final LocalDate UNINTERRUPTED = LocalDate.of(2026, 11, 29);
    private static final LocalDate CRASHED = LocalDate.of(2026, 11, 30);

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(ReconciliationCrashBenchmark.class);
    }

    @Inject
    AccountService accounts;

    @Inject
    CertificateService certificates;

    @Inject
    EnterpriseService enterprises;

    @BeforeAll
    static void makePeople() throws Exception {
        Fixtures.people(ReconciliationCrashBenchmark.class);
    }

    @People
    void enterpriseAndOfficers() throws Exception {
        long company = enterprises.register("IT", ListPagesBenchmark.uscc(1991), "PROV-NINGXIA", new EnterpriseDetails(
                "宁夏对账崩溃测试进出口公司", "6401020000199", "银川", "联系人", "0951-1", null)).getId();
        Fixtures.enterpriseUser(accounts, certificates, company, "KCQY", PASSWORD, true);
        Fixtures.officer(accounts, certificates, "PROV-NINGXIA", "KCCS", PASSWORD, Set.of(Role.INITIAL_REVIEWER));
        Fixtures.officer(accounts, certificates, "PROV-NINGXIA", "KCFS", PASSWORD, Set.of(Role.SECOND_REVIEWER));
        Fixtures.officer(accounts, certificates, "PROV-NINGXIA", "KCFZ", PASSWORD, Set.of(Role.ISSUER));
        Fixtures.officer(accounts, certificates, "PROV-NINGXIA", "KCJG", PASSWORD, Set.of(Role.AUTHORITY_ADMIN));
        for (int i = 1; i < AUTHORITIES.length; i++) {
            Fixtures.officer(accounts, certificates, AUTHORITIES[i], "KCJ" + (char) ('A' + i - 1), PASSWORD,
                    Set.of(Role.AUTHORITY_ADMIN));
        }
        Fixtures.systemAdministrator(accounts, certificates, "KCXT", PASSWORD);
    }

    @Test
    @Order(1)
    @RunAsClient
    void aYearIsMadeAndReconciledOnceWithoutInterruption() throws Exception {
        Fixtures.licenceNumberCode("KCJG", PASSWORD, "NX");
        long template = CustomsLoad.approved("KCQY", "KCCS", "KCFS", PASSWORD, "HT-2026-KC1", "8112921000", "100");
        PortalClient issuer = Fixtures.signedIn("KCFZ", PASSWORD);
        String decide = PortalClient.HTTPS + "/officer/application.xhtml?id=" + template;
        issuer.get(decide);
        issuer.submit(decide, "decision", Map.of("decision:issue", ""));
        long made = System.nanoTime();
        CustomsLoad.copies(template, FIRST, LICENCES);
        ReconciliationYear.make(template, FIRST, LICENCES, 3, "26KC", AUTHORITIES);
        System.out.printf(Locale.ROOT, "%n[crash] %,d licences, %,d declaration lines made in %.1f s%n", LICENCES,
                LICENCES * 3L, (System.nanoTime() - made) / 1e9);

        PortalClient admin = Fixtures.signedIn("KCXT", PASSWORD);
        long started = System.nanoTime();
        String execution = start(admin, UNINTERRUPTED);
        assertEquals("COMPLETED", await(admin, execution));
        System.out.printf(Locale.ROOT, "[crash] uninterrupted run (execution %s) in %.1f s%n", execution,
                (System.nanoTime() - started) / 1e9);
        assertEquals(LICENCES, reconciled(UNINTERRUPTED));
        assertEquals(0, cancellations(), "only proposals: the authorities do not let the job write off yet");
    }

    @Test
    @Order(2)
    @RunAsClient
    void theServerIsKilledMidRunAndTheRestartedRunEndsWhereAnUninterruptedOneDid() throws Exception {
        // each authority's administrator lets the job write off (on the page, as a bureau would)
        for (String admin : List.of("KCJG", "KCJA", "KCJB", "KCJC")) {
            PortalClient client = Fixtures.signedIn(admin, PASSWORD);
            client.get(PAGE);
            assertTrue(client.submit(PAGE, "setting", Map.of("setting:automatic", "true", "setting:saveSetting", ""))
                    .body().contains("已设为对账自动核销"), admin);
        }
        PortalClient admin = Fixtures.signedIn("KCXT", PASSWORD);
        long started = System.nanoTime();
        String execution = start(admin, CRASHED);
        long killAt = LICENCES * 2L / 5;
        while (reconciled(CRASHED) < killAt) {
            Thread.sleep(100);
        }
        StackSessionListener.stack().killPayara(() -> true, 1);
        long atKill = reconciled(CRASHED);
        long cancelledAtKill = cancellations();
        System.out.printf(Locale.ROOT, "[crash] killed (SIGKILL) after %.1f s: %,d of %,d licences reconciled, %,d "
                + "written off (cancellations in the outbox)%n", (System.nanoTime() - started) / 1e9, atKill, LICENCES,
                cancelledAtKill);
        assertTrue(atKill > 0 && atKill < LICENCES, "killed in the middle of the run");

        long restarting = System.nanoTime();
        StackSessionListener.stack().restartPayara();
        admin = Fixtures.signedIn("KCXT", PASSWORD);
        String page = admin.get(PAGE).body();
        System.out.println("[crash] runs after the restart: " + PortalClient.find(page,
                "(?s)id=\"runs:runList\"(.*?)</table>").replaceAll("<[^>]+>", " ").replaceAll("\\s+", " "));
        assertEquals("FAILED", PortalClient.find(page, "(?s)<td[^>]*>" + execution
                + "</td>.*?class=\"run-status run-(\\w+)\""), "the interrupted run is marked failed as the server starts");
        assertTrue(page.contains("服务器停止时中断"), "and said to be interrupted");
        List<String> rows = PortalClient.findAll(PortalClient.find(page, "(?s)id=\"runs:runList\"(.*?)</table>"),
                "<tr[^>]*data-ri=\"(\\d+)\"[^>]*>\\s*<td[^>]*>" + execution + "</td>");
        String row = rows.get(0);
        String restarted = admin.submit(PAGE, "runs", Map.of("runs:runList:" + row + ":restart", "")).body();
        assertTrue(restarted.contains("已从上次检查点重新运行执行 " + execution), restarted);
        String again = PortalClient.find(PortalClient.find(admin.get(PAGE).body(), "(?s)id=\"runs:runList\"(.*?)</table>"),
                "(?s)<td[^>]*>(\\d+)</td>");
        assertEquals("COMPLETED", await(admin, again));
        System.out.printf(Locale.ROOT, "[crash] restarted as execution %s: completed %.1f s after the server was "
                + "started again; %,d licences reconciled before the kill were not redone%n", again,
                (System.nanoTime() - restarting) / 1e9, CustomsLoad.count("select count(*) from reconciliation_licence "
                        + "where business_date = ? and execution_id = ? and licence_id >= ?", CRASHED,
                        Long.parseLong(execution), FIRST));

        // the same figures and findings as the uninterrupted run; its proposals are this run's write-offs
        String lines = "select licence_id, line_number, licensed, used, remaining from reconciliation_line where "
                + "business_date = ? and licence_id >= ?";
        String licences = "select licence_id, uses, fully_used, case outcome when 'PROPOSED' then 'WRITTEN_OFF' else "
                + "outcome end from reconciliation_licence where business_date = ? and licence_id >= ?";
        String anomalies = "select licence_number, anomaly_type, declaration_number, line_number, evidence from "
                + "reconciliation_anomaly where business_date = ? and licence_number like '26KC%'";
        for (String figures : List.of(lines, licences, anomalies)) {
            boolean byNumber = figures == anomalies;
            Object[] both = byNumber ? new Object[] {UNINTERRUPTED, CRASHED} : new Object[] {UNINTERRUPTED, FIRST,
                    CRASHED, FIRST};
            Object[] reverse = byNumber ? new Object[] {CRASHED, UNINTERRUPTED} : new Object[] {CRASHED, FIRST,
                    UNINTERRUPTED, FIRST};
            assertEquals(0, CustomsLoad.count("select count(*) from (" + figures + " except " + figures + ") x", both),
                    "nothing of the uninterrupted run missing: " + figures);
            assertEquals(0, CustomsLoad.count("select count(*) from (" + figures + " except " + figures + ") x",
                    reverse), "nothing more: " + figures);
        }
        long proposed = CustomsLoad.count("select count(*) from reconciliation_licence where business_date = ? and "
                + "licence_id >= ? and outcome = 'PROPOSED'", UNINTERRUPTED, FIRST);
        long writtenOff = CustomsLoad.count("select count(*) from licence where id >= ? and status = 'WRITTEN_OFF'",
                FIRST);
        long twice = CustomsLoad.count("select count(*) from (select licence_id from customs_outbox where action = "
                + "'CANCEL' and licence_id >= ? group by licence_id having count(*) > 1) x", FIRST);
        long anomalyCount = CustomsLoad.count("select count(*) from reconciliation_anomaly where business_date = ? "
                + "and licence_number like '26KC%'", CRASHED);
        System.out.printf(Locale.ROOT, "[crash] after the restart: %,d licences reconciled, %,d anomalies, %,d "
                + "written off (the uninterrupted run proposed %,d), cancellations %,d, of them for one licence twice %,d%n",
                reconciled(CRASHED), anomalyCount, writtenOff, proposed, cancellations(), twice);
        assertTrue(proposed > 0, "the data has licences due for a write-off");
        assertEquals(proposed, writtenOff, "each licence due written off");
        assertEquals(writtenOff, cancellations(), "one cancellation per licence written off");
        assertEquals(0, twice, "no cancellation twice");
    }

    private static String start(PortalClient admin, LocalDate date) throws Exception {
        admin.get(PAGE);
        String answer = admin.submit(PAGE, "start", Map.of("start:date", date.toString(), "start:catchUpFrom",
                "2026-01-01", "start:run", "")).body();
        return PortalClient.find(answer, "对账（执行号 (\\d+)）");
    }

    private static String await(PortalClient admin, String execution) throws Exception {
        String status = null;
        while (!"COMPLETED".equals(status) && !"FAILED".equals(status)) {
            Thread.sleep(2_000);
            status = PortalClient.find(admin.get(PAGE).body(), "(?s)<td[^>]*>" + execution
                    + "</td>.*?class=\"run-status run-(\\w+)\"");
        }
        return status;
    }

    private static long reconciled(LocalDate date) throws Exception {
        return CustomsLoad.count("select count(*) from reconciliation_licence where business_date = ? and licence_id "
                + ">= ?", date, FIRST);
    }

    private static long cancellations() throws Exception {
        return CustomsLoad.count("select count(*) from customs_outbox where action = 'CANCEL' and licence_id >= ?", FIRST);
    }
}
