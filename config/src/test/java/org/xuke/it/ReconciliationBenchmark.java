package org.xuke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
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
 * Figures, not a test (bench profile: {@code ./mvnw -Pbench verify -Dit.test=ReconciliationBenchmark},
 * {@code -Dbench.licences=N -Dbench.declarations=K} per licence). A year of national volume made
 * in SQL from one licence issued through the portal ({@link ReconciliationYear}): 330,000 licences
 * over four authorities, each with three declarations (990,000 declaration lines) spread over
 * January to November, with rule cases mixed in. The job reconciles the whole year in one run (a catch-up
 * from 1 January), started on 核销对账 by a system administrator; beside it, one set-based SQL
 * statement computes the same per-line totals (the database's own limit). Printed: generation
 * time, the job's wall time, lines and licences per second, the ratio to SQL, the report's time as
 * workbook and PDF, the server's peak heap over the run and the reports.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReconciliationBenchmark {

    static final int LICENCES = Integer.getInteger("bench.licences", 330_000);
    static final int DECLARATIONS = Integer.getInteger("bench.declarations", 3);
    static final long FIRST = 500_000_000L;
    private static final String PASSWORD = "Xk-2026-bench-recon-19";
    private static final String PAGE = PortalClient.HTTPS + "/officer/reconciliation.xhtml";
    private static final String DECIDE = PortalClient.HTTPS + "/officer/application.xhtml?id=";
    private static final String[] AUTHORITIES = {"PROV-GUIZHOU", "PROV-YUNNAN", "PROV-GANSU", "PROV-QINGHAI"};

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(ReconciliationBenchmark.class);
    }

    @Inject
    AccountService accounts;

    @Inject
    CertificateService certificates;

    @Inject
    EnterpriseService enterprises;

    @BeforeAll
    static void makePeople() throws Exception {
        Fixtures.people(ReconciliationBenchmark.class);
    }

    @People
    void enterpriseAndOfficers() throws Exception {
        long company = enterprises.register("IT", ListPagesBenchmark.uscc(1990), "PROV-GUIZHOU", new EnterpriseDetails(
                "贵州对账基准测试进出口公司", "5201020000199", "贵阳", "联系人", "0851-1", null)).getId();
        Fixtures.enterpriseUser(accounts, certificates, company, "BRQY", PASSWORD, true);
        Fixtures.officer(accounts, certificates, "PROV-GUIZHOU", "BRCS", PASSWORD, Set.of(Role.INITIAL_REVIEWER));
        Fixtures.officer(accounts, certificates, "PROV-GUIZHOU", "BRFS", PASSWORD, Set.of(Role.SECOND_REVIEWER));
        Fixtures.officer(accounts, certificates, "PROV-GUIZHOU", "BRFZ", PASSWORD, Set.of(Role.ISSUER));
        Fixtures.officer(accounts, certificates, "PROV-GUIZHOU", "BRJG", PASSWORD, Set.of(Role.AUTHORITY_ADMIN));
        Fixtures.systemAdministrator(accounts, certificates, "BRXT", PASSWORD);
    }

    @Test
    @Order(1)
    @RunAsClient
    void aYearOfLicencesAndDeclarationsIsMadeInSql() throws Exception {
        Fixtures.licenceNumberCode("BRJG", PASSWORD, "GZ");
        long template = CustomsLoad.approved("BRQY", "BRCS", "BRFS", PASSWORD, "HT-2026-BR1", "8112921000", "100");
        PortalClient issuer = Fixtures.signedIn("BRFZ", PASSWORD);
        issuer.get(DECIDE + template);
        issuer.submit(DECIDE + template, "decision", Map.of("decision:issue", ""));
        long started = System.nanoTime();
        CustomsLoad.copies(template, FIRST, LICENCES);
        ReconciliationYear.make(template, FIRST, LICENCES, DECLARATIONS, "26BR", AUTHORITIES);
        System.out.printf("%n[bench] reconciliation data: %,d licences, %,d declaration lines made in %.1f s%n",
                LICENCES, (long) LICENCES * DECLARATIONS, (System.nanoTime() - started) / 1e9);
    }

    /** The server's heap pools' peaks, from now on. */
    @Test
    @Order(2)
    void peaksAreReset() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    @Test
    @Order(3)
    @RunAsClient
    void theYearIsReconciledInOneRunBesideTheSqlBaseline() throws Exception {
        long sqlStarted = System.nanoTime();
        long rows = 0;
        try (Connection c = CustomsLoad.database(); PreparedStatement s = c.prepareStatement(
                "select l.id, ll.line_number, ll.quantity, coalesce(u.cumulative_quantity, 0), "
                        + "ll.quantity - coalesce(u.cumulative_quantity, 0), count(distinct d.declaration_number), "
                        + "bool_or(d.port_code <> l.port_code), count(distinct d.declaration_number) > l.uses_allowed "
                        + "from licence l join licence_line ll on ll.licence_id = l.id "
                        + "join customs_declaration d on d.licence_id = l.id "
                        + "left join customs_line_usage u on u.licence_id = l.id and u.line_number = ll.line_number "
                        + "where d.declaration_date between date '2026-01-01' and date '2026-11-30' "
                        + "group by l.id, ll.line_number, ll.quantity, u.cumulative_quantity, l.uses_allowed")) {
            s.setFetchSize(10_000);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows++;
                }
            }
        }
        double sql = (System.nanoTime() - sqlStarted) / 1e9;
        // the same figures written as the job writes them (a row per licence and per line, in tables with
        // the job's keys), in one transaction: what set-based SQL needs when it stores its answer too
        long writeStarted = System.nanoTime();
        try (Connection c = CustomsLoad.database(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("create temporary table bench_licence (like reconciliation_licence including all)");
            s.execute("create temporary table bench_line (like reconciliation_line including defaults)");
            s.execute("alter table bench_line add primary key (business_date, licence_id, line_number)");
            s.executeUpdate("insert into bench_licence select date '2026-11-30', l.id, l.licence_number, "
                    + "l.authority_code, count(distinct d.declaration_number), false, 'NONE', 0, now() from licence l "
                    + "join customs_declaration d on d.licence_id = l.id where d.declaration_date between "
                    + "date '2026-01-01' and date '2026-11-30' group by l.id");
            s.executeUpdate("insert into bench_line select date '2026-11-30', ll.licence_id, ll.line_number, "
                    + "ll.quantity, coalesce(u.cumulative_quantity, 0), ll.quantity - coalesce(u.cumulative_quantity, 0) "
                    + "from licence_line ll join bench_licence b on b.licence_id = ll.licence_id left join "
                    + "customs_line_usage u on u.licence_id = ll.licence_id and u.line_number = ll.line_number");
            c.commit();
        }
        double sqlWrite = (System.nanoTime() - writeStarted) / 1e9;

        PortalClient admin = Fixtures.signedIn("BRXT", PASSWORD);
        admin.get(PAGE);
        long started = System.nanoTime();
        String answer = admin.submit(PAGE, "start", Map.of("start:date", "2026-11-30", "start:catchUpFrom",
                "2026-01-01", "start:run", "")).body();
        String execution = PortalClient.find(answer, "对账（执行号 (\\d+)）");
        String status = null;
        while (!"COMPLETED".equals(status) && !"FAILED".equals(status)) {
            Thread.sleep(2_000);
            status = PortalClient.find(admin.get(PAGE).body(), "(?s)<td[^>]*>" + execution
                    + "</td>.*?class=\"run-status run-(\\w+)\"");
        }
        double job = (System.nanoTime() - started) / 1e9;
        assertEquals("COMPLETED", status);
        long reconciled = CustomsLoad.count("select count(*) from reconciliation_licence where business_date = "
                + "date '2026-11-30' and licence_id >= ?", FIRST);
        assertEquals(LICENCES, reconciled, "every licence reconciled");
        long lines = (long) LICENCES * DECLARATIONS;
        System.out.printf("%n[bench] SQL baseline: %,d licence lines in %.1f s%n", rows, sql);
        System.out.printf("[bench] SQL writing the same figures (a row per licence and per line, with their keys): "
                + "%.1f s; the job is %.1f × that%n", sqlWrite, job / sqlWrite);
        System.out.printf("[bench] job: %,d licences, %,d declaration lines in %.1f s = %,.0f lines/s, %,.0f licences/s;"
                + " %.1f × the SQL baseline%n", reconciled, lines, job, lines / job, reconciled / job, job / sql);
        for (String type : List.of("TOO_MANY_USES", "WRONG_PORT", "ABOVE_TOLERANCE")) {
            System.out.printf("[bench] anomalies %s: %,d%n", type, CustomsLoad.count("select count(*) from "
                    + "reconciliation_anomaly where anomaly_type = ? and business_date = date '2026-11-30'", type));
        }
        assertTrue(CustomsLoad.count("select count(*) from reconciliation_anomaly where anomaly_type = 'WRONG_PORT' "
                + "and business_date = date '2026-11-30'") >= LICENCES / 97, "the mixed-in cases are found");
    }

    /** The year's report: the workbook streams every licence line, the PDF lists every anomaly. */
    @Test
    @Order(4)
    @RunAsClient
    void theYearsReportIsWritten() throws Exception {
        PortalClient admin = Fixtures.signedIn("BRXT", PASSWORD);
        for (String format : List.of("xlsx", "pdf")) {
            long started = System.nanoTime();
            java.net.http.HttpResponse<byte[]> report = admin.getBytes(PortalClient.HTTPS
                    + "/officer/reconciliation/report?date=2026-11-30&format=" + format);
            double seconds = (System.nanoTime() - started) / 1e9;
            assertEquals(200, report.statusCode(), format);
            System.out.printf("[bench] report %s: %,d bytes in %.1f s%n", format, report.body().length, seconds);
        }
    }

    @Test
    @Order(5)
    void thePeakHeapIsPrinted() {
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long max = Runtime.getRuntime().maxMemory();
        System.out.printf("%n[bench] server heap during the run: peak %,d MiB of %,d MiB%n", peak >> 20, max >> 20);
    }
}
