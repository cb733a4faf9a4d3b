package org.xuke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * 统计月报 at national volume (issue 20; bench profile, not CI): three years of licences
 * ({@code -Dbench.statistics.licences}, 1,000,000 by default) made in SQL from one issued through the
 * portal, spread over 31 authorities, issue dates and destinations, all of one company (the worst
 * case of an enterprise's statistic). Printed: p50 / p95 of the monthly statistic (20 calls after 5
 * of warm-up) for an authority's officer, the system administrator and the company's user, of a
 * month's first drill-down page, and the time and the server's peak heap of the year's workbook.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatisticsBenchmark {

    private static final String PASSWORD = "Xk-2026-statbench-20";
    private static final long FIRST = 900_000_000L;
    private static final int LICENCES = Integer.getInteger("bench.statistics.licences", 1_000_000);
    private static final String[] AUTHORITIES = {"PROV-ANHUI", "PROV-BEIJING", "PROV-CHONGQING", "PROV-FUJIAN",
        "PROV-GANSU", "PROV-GUANGDONG", "PROV-GUANGXI", "PROV-GUIZHOU", "PROV-HAINAN", "PROV-HEBEI",
        "PROV-HEILONGJIANG", "PROV-HENAN", "PROV-HUBEI", "PROV-HUNAN", "PROV-INNER", "PROV-JIANGSU", "PROV-JIANGXI",
        "PROV-JILIN", "PROV-LIAONING", "PROV-NINGXIA", "PROV-QINGHAI", "PROV-SHAANXI", "PROV-SHANDONG",
        "PROV-SHANGHAI", "PROV-SHANXI", "PROV-SICHUAN", "PROV-TIANJIN", "PROV-TIBET", "PROV-XINJIANG", "PROV-YUNNAN",
        "PROV-ZHEJIANG"};

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(StatisticsBenchmark.class);
    }

    @Inject
    AccountService accounts;

    @Inject
    CertificateService certificates;

    @Inject
    EnterpriseService enterprises;

    @BeforeAll
    static void makePeople() throws Exception {
        Fixtures.people(StatisticsBenchmark.class);
    }

    @People
    void companyAndOfficers() throws Exception {
        long company = enterprises.register("IT", ListPagesBenchmark.uscc(2090), "PROV-SICHUAN", new EnterpriseDetails(
                "四川统计基准测试进出口公司", "5101020000209", "成都", "联系人", "028-1", null)).getId();
        Fixtures.enterpriseUser(accounts, certificates, company, "SBQY", PASSWORD, true);
        Fixtures.officer(accounts, certificates, "PROV-SICHUAN", "SBCS", PASSWORD, Set.of(Role.INITIAL_REVIEWER));
        Fixtures.officer(accounts, certificates, "PROV-SICHUAN", "SBFS", PASSWORD, Set.of(Role.SECOND_REVIEWER));
        Fixtures.officer(accounts, certificates, "PROV-SICHUAN", "SBFZ", PASSWORD, Set.of(Role.ISSUER));
        Fixtures.officer(accounts, certificates, "PROV-SICHUAN", "SBJG", PASSWORD, Set.of(Role.AUTHORITY_ADMIN));
        Fixtures.systemAdministrator(accounts, certificates, "SBXT", PASSWORD);
    }

    @Test
    @Order(1)
    @RunAsClient
    void threeYearsOfLicencesAreMadeInSql() throws Exception {
        Fixtures.licenceNumberCode("SBJG", PASSWORD, "SC");
        long template = CustomsLoad.approved("SBQY", "SBCS", "SBFS", PASSWORD, "HT-2026-SB1");
        CustomsLoad.Issued issued = CustomsLoad.issue(List.of(template), "SBFZ", PASSWORD, 1, 1);
        assertEquals(1, issued.licences());
        long started = System.nanoTime();
        // a million copies: the enterprise code's last digit and a 7-digit serial keep their numbers apart
        CustomsLoad.copies(template, FIRST, LICENCES, "left(t.application_number, 14) || (3000000 + g)::text");
        long licence = Long.parseLong(CustomsLoad.query("select id from licence where application_id = ?", template));
        try (Connection c = CustomsLoad.database(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            List<String> columns = CustomsLoad.column("select column_name from information_schema.columns where"
                    + " table_schema = current_schema() and table_name = 'licence' order by ordinal_position");
            String byAuthority = "(array['" + String.join("','", AUTHORITIES) + "'])[1 + g % " + AUTHORITIES.length
                    + "]";
            // three years: 2024-01-01 + g mod 1,096 days; the year of the licence number with them
            java.util.Map<String, String> overrides = java.util.Map.of("id", FIRST + " + g - 1", "application_id",
                    FIRST + " + g - 1", "licence_number", "'2' || (4 + g % 3)::text || 'S' || lpad(g::text, 7, '0')",
                    "authority_code", byAuthority, "content", "'{}'", "verification_code", "null",
                    "issued_at_utc", "timestamp '2024-01-01 02:00' + ((g % 1096) || ' days')::interval",
                    "total_usd", "(100 + g % 900)::numeric(18, 2)");
            List<String> values = columns.stream().map(col -> overrides.getOrDefault(col, "t." + col)).toList();
            s.executeUpdate("insert into licence (" + String.join(", ", columns) + ") select " + String.join(", ",
                    values) + " from licence t, generate_series(1, " + LICENCES + ") g where t.id = " + licence);
            s.executeUpdate("insert into licence_fact (licence_id, issued_on, trade_mode_code, country_code,"
                    + " consignor_code) select l.id, cast(l.issued_at_utc as date), case when l.id % 7 = 0 then '0214'"
                    + " else '0110' end, (array['116', '133', '502', '303', '304'])[1 + l.id % 5], null from licence l"
                    + " where l.id >= " + FIRST + " and l.id < " + (FIRST + LICENCES));
            c.commit();
            c.setAutoCommit(true);
            s.execute("analyze");
        }
        System.out.printf("%n[bench] statistics: %,d licences over three years, 31 authorities, one company, made in"
                + " %.1f s%n", LICENCES, (System.nanoTime() - started) / 1e9);
    }

    /** The server's heap pools' peaks, from now on (the export's). */
    @Test
    @Order(2)
    void peaksAreReset() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    @Test
    @Order(3)
    @RunAsClient
    void eachCallerAsksTheMonthlyStatistic() throws Exception {
        String officer = PortalClient.HTTPS + "/officer/it-stats?year=2025";
        measure("authority officer (PROV-SICHUAN, 2025)", Fixtures.signedIn("SBFZ", PASSWORD), officer);
        measure("system administrator (all, 2025)", Fixtures.signedIn("SBXT", PASSWORD), officer);
        measure("system administrator (all, 2025, one trade mode and destination)", Fixtures.signedIn("SBXT",
                PASSWORD), officer + "&tradeMode=0110&country=133");
        measure("enterprise user (its 1,000,000, 2025)", Fixtures.signedIn("SBQY", PASSWORD),
                PortalClient.HTTPS + "/enterprise/it-stats?year=2025");
        measure("drill-down, first page of a month (system administrator, March 2025)", Fixtures.signedIn("SBXT",
                PASSWORD), officer + "&drill&month=3");
        PortalClient admin = Fixtures.signedIn("SBXT", PASSWORD);
        long started = System.nanoTime();
        var xlsx = admin.getBytes(officer + "&export");
        double seconds = (System.nanoTime() - started) / 1e9;
        assertEquals(200, xlsx.statusCode());
        String year = admin.get(officer).body();
        String rows = year.substring(year.lastIndexOf("total ") + 6).split(" ")[0];
        System.out.printf("[bench] the year's workbook (system administrator, 2025): %s licences, %,d bytes in %.1f s%n",
                rows, xlsx.body().length, seconds);
        assertTrue(xlsx.body().length > 0);
    }

    @Test
    @Order(4)
    void thePeakHeapIsPrinted() {
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long max = Runtime.getRuntime().maxMemory();
        System.out.printf("[bench] server heap during the statistics and the export: peak %,d MiB of %,d MiB%n",
                peak >> 20, max >> 20);
    }

    private static void measure(String what, PortalClient client, String url) throws Exception {
        for (int i = 0; i < 5; i++) {
            String answer = client.get(url).body();
            assertTrue(answer.startsWith("1 ") || answer.startsWith("total "), answer);
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long started = System.nanoTime();
            client.get(url);
            times.add((System.nanoTime() - started) / 1e6);
        }
        double[] sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("[bench] %s: p50 %.0f ms, p95 %.0f ms (20 calls, warm; target p95 < 300 ms)%n", what,
                sorted[9], sorted[18]);
        assertTrue(Arrays.stream(sorted).allMatch(t -> t > 0));
    }
}
