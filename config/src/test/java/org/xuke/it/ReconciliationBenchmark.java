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
import java.util.ArrayList;
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
 * in SQL from one licence issued through the portal: 330,000 licences over four authorities, each
 * with three declarations (990,000 declaration lines) spread over January to November, with rule
 * cases mixed in (every 50th licence one batch: too many uses; every 97th a declaration at another
 * port; every 101st above the tolerance). The job reconciles the whole year in one run (a catch-up
 * from 1 January), started on 核销对账 by a system administrator; beside it, one set-based SQL
 * statement computes the same per-line totals (the database's own limit). Printed: generation
 * time, the job's wall time, lines and licences per second, the ratio to SQL, the server's peak heap.
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
        try (Connection c = CustomsLoad.database(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            long licence = Long.parseLong(CustomsLoad.query("select id from licence where application_id = ?", template));
            List<String> columns = new ArrayList<>();
            try (ResultSet r = s.executeQuery("select column_name from information_schema.columns where table_schema "
                    + "= current_schema() and table_name = 'licence' order by ordinal_position")) {
                while (r.next()) {
                    columns.add(r.getString(1));
                }
            }
            String authorities = "(array['" + String.join("','", AUTHORITIES) + "'])[1 + g % 4]";
            Map<String, String> overrides = Map.of("id", FIRST + " + g - 1", "application_id", FIRST + " + g - 1",
                    "licence_number", "'26BR' || lpad(g::text, 6, '0')", "authority_code", authorities,
                    "one_batch", "(g % 50 = 0)", "uses_allowed", "case when g % 50 = 0 then 1 else 12 end",
                    "content", "'{}'", "verification_code", "null", "port_code", "'0901'",
                    "validity_end", "date '2026-12-31'");
            List<String> values = columns.stream().map(col -> overrides.getOrDefault(col, "t." + col)).toList();
            s.executeUpdate("insert into licence (" + String.join(", ", columns) + ") select " + String.join(", ", values)
                    + " from licence t, generate_series(1, " + LICENCES + ") g where t.id = " + licence);
            s.executeUpdate("insert into licence_line (licence_id, line_number, commodity_code, specification, unit_code,"
                    + " quantity, unit_price, amount) select " + FIRST + " + g - 1, 1, t.commodity_code, t.specification,"
                    + " t.unit_code, 100, t.unit_price, t.amount from licence_line t, generate_series(1, " + LICENCES
                    + ") g where t.licence_id = " + licence);
            s.executeUpdate("insert into customs_licence (licence_id, licence_number, last_version, status, "
                    + "status_at_utc) select id, licence_number, 1, 'DECLARED', now() from licence where id >= " + FIRST);
            // K declarations of 30 each over January–November; every 97th licence's 2nd at another port;
            // every 101st licence's last one 45 (balance 40, no tolerance: above it)
            s.executeUpdate("insert into customs_declaration (declaration_number, licence_id, port_code, "
                    + "declaration_date, state, updated_at_utc) select lpad((g::bigint * 10 + k)::text, 18, '0'), "
                    + FIRST + " + g - 1, case when g % 97 = 0 and k = 2 then '0102' else '0901' end, date '2026-01-01'"
                    + " + ((g * 7 + k * 31) % 330), 'CLEARED', now() from generate_series(1, " + LICENCES + ") g, "
                    + "generate_series(1, " + DECLARATIONS + ") k");
            s.executeUpdate("insert into customs_declaration_line (declaration_number, licence_id, line_number, "
                    + "quantity) select declaration_number, licence_id, 1, case when (licence_id - " + FIRST + " + 1) "
                    + "% 101 = 0 and right(declaration_number, 1) = '" + DECLARATIONS + "' then 45 else 30 end "
                    + "from customs_declaration where licence_id >= " + FIRST);
            s.executeUpdate("insert into customs_line_usage (licence_id, line_number, cumulative_quantity, "
                    + "updated_at_utc) select licence_id, 1, sum(quantity), now() from customs_declaration_line "
                    + "where licence_id >= " + FIRST + " group by licence_id");
            c.commit();
            // statistics outside a transaction: an ANALYZE rolled back with it leaves the planner guessing
            c.setAutoCommit(true);
            s.execute("analyze");
        }
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
        System.out.printf("[bench] job: %,d licences, %,d declaration lines in %.1f s = %,.0f lines/s, %,.0f licences/s;"
                + " %.1f × the SQL baseline%n", reconciled, lines, job, lines / job, reconciled / job, job / sql);
        for (String type : List.of("TOO_MANY_USES", "WRONG_PORT", "ABOVE_TOLERANCE")) {
            System.out.printf("[bench] anomalies %s: %,d%n", type, CustomsLoad.count("select count(*) from "
                    + "reconciliation_anomaly where anomaly_type = ? and business_date = date '2026-11-30'", type));
        }
        assertTrue(CustomsLoad.count("select count(*) from reconciliation_anomaly where anomaly_type = 'WRONG_PORT' "
                + "and business_date = date '2026-11-30'") >= LICENCES / 97, "the mixed-in cases are found");
    }

    @Test
    @Order(4)
    void thePeakHeapIsPrinted() {
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long max = Runtime.getRuntime().maxMemory();
        System.out.printf("%n[bench] server heap during the run: peak %,d MiB of %,d MiB%n", peak >> 20, max >> 20);
    }
}
