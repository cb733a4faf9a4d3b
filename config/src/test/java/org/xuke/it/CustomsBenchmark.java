package org.xuke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.transaction.UserTransaction;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
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
import org.xuke.customs.CustomsMessage.DeclarationState;
import org.xuke.customs.CustomsMessage.Usage;
import org.xuke.customs.CustomsMessage.UsageLine;
import org.xuke.customs.CustomsXml;
import org.xuke.customs.DeploymentName;
import org.xuke.enterprise.EnterpriseDetails;
import org.xuke.enterprise.EnterpriseService;
import org.xuke.identity.CertificateService;

/**
 * Not a test: the figures of issue 16 (./mvnw -Pbench verify, or alone with
 * {@code -Dit.test=CustomsBenchmark}). 10,000 approved applications are issued through the real
 * boundary by four sessions of one issuer (number, seal, audit, outbox in each transaction); every
 * licence goes out through the outbox and the dispatcher to the customs simulator, whose receipt
 * stores it (海关入库成功). Prints the issue-to-receipt latency (p50/p95/max, from the licence's issue
 * time to the receipt's, both in the database), licences per second issued and end to end, the
 * Payara CPU per licence, and then the usage ingestion rate: one usage message per licence put on
 * the usage queue at once, consumed by the portal's message-driven bean.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CustomsBenchmark {

    static final int LICENCES = Integer.getInteger("bench.licences", 10_000);
    static final int WARM_UP = 300;
    static final int SESSIONS = Integer.getInteger("bench.sessions", 4);
    static final int BATCH = 20;
    static final long FIRST = 300_000_000L;
    private static final String PASSWORD = "Xk-2026-bench-customs-1";
    private static final String CONTRACT = "HT-BENCH-CUSTOMS";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(CustomsBenchmark.class);
    }

    @Resource(lookup = "jdbc/xuke")
    DataSource data;

    @Resource(lookup = "jms/xuke/ConnectionFactory")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/xuke/customs/Usage")
    Queue usage;

    @Resource
    UserTransaction transaction;

    @Inject
    AccountService accounts;

    @Inject
    CertificateService certificates;

    @Inject
    EnterpriseService enterprises;

    @BeforeAll
    static void makePeople() throws Exception {
        Fixtures.people(CustomsBenchmark.class);
    }

    @People
    void people() throws Exception {
        long company = enterprises.register("IT", ListPagesBenchmark.uscc(1_600_001), "PROV-ZHEJIANG",
                new EnterpriseDetails("浙江海关基准测试进出口公司", "3301020016001", "杭州", "联系人", "0571-1", null)).getId();
        Fixtures.enterpriseUser(accounts, certificates, company, "BMJB", PASSWORD, true);
        Fixtures.officer(accounts, certificates, "PROV-ZHEJIANG", "BMCS", PASSWORD, Set.of(Role.INITIAL_REVIEWER));
        Fixtures.officer(accounts, certificates, "PROV-ZHEJIANG", "BMFS", PASSWORD, Set.of(Role.SECOND_REVIEWER));
        Fixtures.officer(accounts, certificates, "PROV-ZHEJIANG", "BMFZ", PASSWORD, Set.of(Role.ISSUER));
        Fixtures.officer(accounts, certificates, "PROV-ZHEJIANG", "BMJG", PASSWORD, Set.of(Role.AUTHORITY_ADMIN));
    }

    /** The authority gets its licence-number code; one application goes through both portals, then is copied. */
    @Test
    @Order(1)
    @RunAsClient
    void oneApplicationIsApprovedInThePortalsAndCopied() throws Exception {
        Fixtures.licenceNumberCode("BMJG", PASSWORD, "ZJ");
        long template = CustomsLoad.approved("BMJB", "BMCS", "BMFS", PASSWORD, CONTRACT);
        CustomsLoad.copies(template, FIRST, WARM_UP + LICENCES);
    }

    @Test
    @Order(3)
    @RunAsClient
    void licencesAreIssuedAndReachCustoms() throws Exception {
        // warm-up: the same path, not measured
        CustomsLoad.Issued warm = CustomsLoad.issue(FIRST, WARM_UP, "BMFZ", PASSWORD, SESSIONS, BATCH);
        assertEquals(WARM_UP, warm.licences(), "warm-up: " + warm.refusals());
        CustomsLoad.awaitStored(FIRST, WARM_UP);

        Optional<ProcessHandle> server = ListPagesBenchmark.server();
        double cpuBefore = ListPagesBenchmark.cpuSeconds(server);
        long started = System.nanoTime();
        CustomsLoad.Issued issued = CustomsLoad.issue(FIRST + WARM_UP, LICENCES, "BMFZ", PASSWORD, SESSIONS, BATCH);
        double issueSeconds = (System.nanoTime() - started) / 1e9;
        assertEquals(LICENCES, issued.licences(), "issued: " + issued.refusals());
        CustomsLoad.awaitStored(FIRST + WARM_UP, LICENCES);
        double endSeconds = (System.nanoTime() - started) / 1e9;
        double cpu = ListPagesBenchmark.cpuSeconds(server) - cpuBefore;

        List<Double> latency = new ArrayList<>();
        List<Double> outboxLag = new ArrayList<>();
        try (Connection c = CustomsLoad.database(); PreparedStatement s = c.prepareStatement(
                "select extract(epoch from (c.status_at_utc - l.issued_at_utc)) * 1000,"
                        + " extract(epoch from (o.sent_at_utc - l.issued_at_utc)) * 1000"
                        + " from licence l join customs_licence c on c.licence_id = l.id"
                        + " join customs_outbox o on o.licence_id = l.id"
                        + " where l.application_id between ? and ? and c.status = 'STORED'")) {
            s.setLong(1, FIRST + WARM_UP);
            s.setLong(2, FIRST + WARM_UP + LICENCES - 1);
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    latency.add(row.getDouble(1));
                    outboxLag.add(row.getDouble(2));
                }
            }
        }
        long duplicates = CustomsLoad.count("select coalesce(sum(duplicates), 0) from customs_sim.licence_message");
        latency.sort(null);
        outboxLag.sort(null);
        System.out.printf(Locale.ROOT, "[bench] customs: %,d licences issued by %d sessions of one issuer, %d per"
                + " request, after %d warm-up%n", LICENCES, SESSIONS, BATCH, WARM_UP);
        System.out.printf(Locale.ROOT, "[bench] issue to receipt stored (海关入库成功): p50 %.0f ms, p95 %.0f ms,"
                + " max %.0f ms (target p95 < 2,000 ms)%n", pct(latency, 50), pct(latency, 95), pct(latency, 100));
        System.out.printf(Locale.ROOT, "[bench] issue to sent on the queue: p50 %.0f ms, p95 %.0f ms%n",
                pct(outboxLag, 50), pct(outboxLag, 95));
        System.out.printf(Locale.ROOT, "[bench] issued %.1f licences/s (%.1f s); end to end with the simulator"
                + " %.1f licences/s (%.1f s; target >= 200)%n", LICENCES / issueSeconds, issueSeconds,
                LICENCES / endSeconds, endSeconds);
        System.out.printf(Locale.ROOT, "[bench] Payara CPU %.2f ms per licence (issue, send, the simulator's"
                + " receipt, its storing); messages the simulator received twice: %d%n",
                cpu < 0 ? -1 : cpu * 1000 / LICENCES, duplicates);
        assertEquals(LICENCES, latency.size(), "every licence stored at customs");
    }

    /** One usage message per licence (a release of 1 of its first line), all made visible at once. */
    @Test
    @Order(4)
    void usageForEveryLicenceIsPutOnTheQueue() throws Exception {
        List<String> numbers = new ArrayList<>();
        try (Connection c = data.getConnection(); PreparedStatement s = c.prepareStatement(
                "select licence_number from licence where application_id >= ? and application_id < ?"
                        + " order by licence_number")) {
            // the client's -Dbench.licences is not seen in the server: every licence after the warm-up
            s.setLong(1, FIRST + WARM_UP);
            s.setLong(2, FIRST + 100_000_000L);
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    numbers.add(row.getString(1));
                }
            }
        }
        // 500 per transaction (the broker takes at most 1,000 from a producer in one): the consumers find
        // the day's usage waiting, as after a backlog
        transaction.setTransactionTimeout(600);
        for (int from = 0; from < numbers.size(); from += 500) {
            transaction.begin();
            try (JMSContext jms = connectionFactory.createContext()) {
                for (int i = from; i < Math.min(numbers.size(), from + 500); i++) {
                    jms.createProducer().send(usage, CustomsXml.write(new Usage(UUID.randomUUID(),
                            DeploymentName.id(), String.format("33012026%010d", i + 1), numbers.get(i), "0901",
                            LocalDate.of(2026, 12, 5), DeclarationState.RELEASED, List.of(new UsageLine(1,
                                    BigDecimal.ONE, BigDecimal.ONE)))));
                }
            }
            transaction.commit();
        }
    }

    @Test
    @Order(5)
    @RunAsClient
    void andTheUsageIsIngested() throws Exception {
        String applied = "select count(*) from customs_inbound i join licence l on l.licence_number = i.licence_number"
                + " where i.kind = 'USAGE' and i.result = 'APPLIED' and l.application_id between ? and ?";
        CustomsLoad.awaitProgress(applied, LICENCES, FIRST + WARM_UP, FIRST + WARM_UP + LICENCES - 1);
        try (Connection c = CustomsLoad.database(); PreparedStatement s = c.prepareStatement(
                "select count(*), extract(epoch from (max(i.received_at_utc) - min(i.received_at_utc)))"
                        + " from customs_inbound i join licence l on l.licence_number = i.licence_number"
                        + " where i.kind = 'USAGE' and i.result = 'APPLIED' and l.application_id between ? and ?")) {
            s.setLong(1, FIRST + WARM_UP);
            s.setLong(2, FIRST + WARM_UP + LICENCES - 1);
            try (ResultSet row = s.executeQuery()) {
                row.next();
                long count = row.getLong(1);
                double seconds = row.getDouble(2);
                System.out.printf(Locale.ROOT, "[bench] usage ingestion: %,d messages applied in %.1f s, %.1f"
                        + " messages/s (declaration, its line, the licence's cumulative figure, each in one"
                        + " transaction)%n", count, seconds, count / seconds);
                assertEquals(LICENCES, count, "every usage message applied");
            }
        }
        assertEquals(LICENCES, CustomsLoad.count("select count(*) from customs_line_usage u join licence l"
                + " on l.id = u.licence_id where l.application_id between ? and ? and u.cumulative_quantity = 1",
                FIRST + WARM_UP, FIRST + WARM_UP + LICENCES - 1), "each licence's cumulative figure is customs' 1");
    }

    private static double pct(List<Double> sorted, int percent) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
