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

    private static long lines;

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
            // three years in order of issue (as the facts arrive): 2024-01-01 + g * 1,096 / N days
            java.util.Map<String, String> overrides = java.util.Map.of("id", FIRST + " + g - 1", "application_id",
                    FIRST + " + g - 1", "licence_number", "'2' || (4 + g % 3)::text || 'S' || lpad(g::text, 7, '0')",
                    "authority_code", byAuthority, "content", "'{}'", "verification_code", "null",
                    "issued_at_utc", "timestamp '2024-01-01 02:00' + (((g - 1) * 1096 / " + LICENCES
                            + ") || ' days')::interval",
                    "total_usd", "(100 + g % 900)::numeric(18, 2)");
            List<String> values = columns.stream().map(col -> overrides.getOrDefault(col, "t." + col)).toList();
            s.executeUpdate("insert into licence (" + String.join(", ", columns) + ") select " + String.join(", ",
                    values) + " from licence t, generate_series(1, " + LICENCES + ") g where t.id = " + licence);
            // the facts as the issue's observer writes them (scope from the licence, the rest from its
            // application), then spread over two trade modes and five destinations
            String range = " between " + FIRST + " and " + (FIRST + LICENCES - 1);
            s.executeUpdate("insert into licence_fact (licence_id, issued_on, trade_mode_code, country_code,"
                    + " consignor_code, authority_code, enterprise_id, applicant, department, counted, kind, total_usd,"
                    + " applied_on, port_code, contract_number, exporter_code)"
                    + " select l.id, cast(l.issued_at_utc as date), case when l.id % 7 = 0 then '0214' else '0110' end,"
                    + " (array['116', '133', '502', '303', '304'])[1 + l.id % 5], a.consignor_code, l.authority_code,"
                    + " l.enterprise_id, l.applicant, l.department, true, l.kind, l.total_usd,"
                    + " cast(l.issued_at_utc as date) - (l.id % 3)::int, a.port_code, a.contract_number, a.exporter_code"
                    + " from licence l join export_application a on a.id = l.application_id where l.id" + range);
            // three goods lines each (3,000,000): twelve commodities of six categories, four grades; the
            // first line of every fiftieth licence is coke (2 % of the lines, 20,000 a year: the special
            // goods are a small share of the licences; a first run with coke on 1/6 of all lines is in
            // docs/BENCHMARKS.md)
            String coke = "f.licence_id % 50 = 0 and n = 1";
            s.executeUpdate("insert into licence_line_fact (licence_id, line_number, licence_number, issued_on, applied_on,"
                    + " authority_code, enterprise_id, applicant, department, counted, kind, trade_mode_code, country_code,"
                    + " consignor_code, exporter_code, port_code, contract_number, commodity_code, category_code,"
                    + " specification, unit_code, quantity, amount_usd, first_in_commodity, first_in_category,"
                    + " first_in_grade, first_of_licence)"
                    + " select f.licence_id, n, l.licence_number, f.issued_on, f.applied_on, f.authority_code, f.enterprise_id, f.applicant,"
                    + " f.department, f.counted, f.kind, f.trade_mode_code, f.country_code, f.consignor_code,"
                    + " f.exporter_code, f.port_code, f.contract_number,"
                    + " case when " + coke + " then '2704001000' else"
                    + " (array['8112921000', '8112922000', '8101960000', '8101970000', '2903750010', '2903770010',"
                    + " '8101100000', '8101940000', '8102100000', '8102940000', '8110101000', '8110102000'])"
                    + "[1 + (f.licence_id + n) % 12] end,"
                    + " case when " + coke + " then 'EL32' else"
                    + " (array['EL34', 'EL34', 'EL28', 'EL28', 'EL37', 'EL37', 'EL29', 'EL29', 'EL30', 'EL30', 'EL31',"
                    + " 'EL31'])[1 + (f.licence_id + n) % 12] end,"
                    + " (array['一级', '二级', '三级', '特级'])[1 + (f.licence_id / 3 + n) % 4], '035',"
                    + " (10 + (f.licence_id + n) % 90)::numeric, round(f.total_usd / 3, 2),"
                    // three lines of three different commodities (and, of a licence, three categories at most):
                    // a line is the first of its category unless the line before it is of the same one
                    + " true, n = 1 or (n = 2 and f.licence_id % 50 = 0)"
                    + " or (f.licence_id + n) % 12 / 2 <> (f.licence_id + n - 1) % 12 / 2, true, n = 1"
                    + " from licence_fact f join licence l on l.id = f.licence_id, generate_series(1, 3) n"
                    + " where f.licence_id" + range);
            // the monthly sums as the issues keep them (the migration's statement)
            s.executeUpdate("insert into goods_month select cast(date_trunc('month', applied_on) as date),"
                    + " authority_code, kind, trade_mode_code, country_code, coalesce(port_code, ''), commodity_code,"
                    + " coalesce(category_code, ''), coalesce(unit_code, ''), count(*),"
                    + " count(*) filter (where first_in_commodity), count(*) filter (where first_in_category),"
                    + " count(*) filter (where first_of_licence), sum(quantity), coalesce(sum(amount_usd), 0)"
                    + " from licence_line_fact where counted and licence_id" + range + " group by 1, 2, 3, 4, 5, 6, 7, 8, 9"
                    + " on conflict do nothing");
            s.executeUpdate("insert into licence_month select cast(date_trunc('month', issued_on) as date),"
                    + " authority_code, kind, trade_mode_code, country_code, count(*), coalesce(sum(total_usd), 0)"
                    + " from licence_fact where counted and licence_id" + range + " group by 1, 2, 3, 4, 5"
                    + " on conflict do nothing");
            // an initial review, a second review and the issue each (3,000,000 decisions): six reviewers
            // per stage, 0 to 5 working days, late from the fourth
            s.executeUpdate("insert into decision_fact (application_id, step_no, authority_code, actor, stage,"
                    + " transition, received_on, decided_on, working_days, in_time)"
                    + " select l.application_id, n, l.authority_code, (array['CS', 'FS', 'FZ'])[n] || (l.id % 6)::text,"
                    + " (array['INITIAL', 'SECOND', 'ISSUE'])[n],"
                    + " (array['PASS_INITIAL_REVIEW', 'PASS_SECOND_REVIEW', 'ISSUE'])[n],"
                    + " cast(l.issued_at_utc as date) - 2, cast(l.issued_at_utc as date), (l.id + n) % 6,"
                    + " (l.id + n) % 6 <= 3 from licence l, generate_series(1, 3) n where l.id" + range);
            s.executeUpdate("insert into decision_month select cast(date_trunc('month', decided_on) as date),"
                    + " authority_code, actor, stage, count(*), count(*) filter (where in_time), sum(working_days)"
                    + " from decision_fact where application_id" + range + " group by 1, 2, 3, 4 on conflict do nothing");
            c.commit();
            c.setAutoCommit(true);
            lines = CustomsLoad.count("select count(*) from licence_line_fact where licence_id" + range);
            s.execute("vacuum analyze licence_fact");
            s.execute("vacuum analyze licence_line_fact");
            s.execute("vacuum analyze decision_fact");
            s.execute("analyze");
        }
        System.out.printf("%n[bench] statistics: %,d licences with %,d goods lines and %,d decisions over three years,"
                + " 31 authorities, one company, made in %.1f s%n", LICENCES, lines, 3L * LICENCES,
                (System.nanoTime() - started) / 1e9);
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
        String year = "&from=2025-01-01&to=2025-12-31";
        measure("综合统计 by commodity (system administrator, all, 2025)", Fixtures.signedIn("SBXT", PASSWORD),
                officer + "&goods&grouping=COMMODITY" + year);
        measure("综合统计 by category (authority officer, PROV-SICHUAN, 2025)", Fixtures.signedIn("SBFZ", PASSWORD),
                officer + "&goods&grouping=CATEGORY" + year);
        measure("综合统计 by commodity, one trade mode, port and destination (system administrator, 2025)",
                Fixtures.signedIn("SBXT", PASSWORD), officer + "&goods&grouping=COMMODITY&tradeMode=0110&port=0901"
                        + "&country=133" + year);
        measure("焦炭专项统计 by grade, exporter, destination (enterprise user, 2025)", Fixtures.signedIn("SBQY",
                PASSWORD), PortalClient.HTTPS + "/enterprise/it-stats?year=2025&goods&grouping=GRADE&kind=COKE"
                        + "&basis=ISSUED" + year);
        measure("综合统计 drill-down, first page of a row (system administrator, 2025)", Fixtures.signedIn("SBXT",
                PASSWORD), officer + "&goods&grouping=COMMODITY&drill&code=8112921000&unit=035" + year);
        measure("officers' decisions against the limit (system administrator, 2025)", Fixtures.signedIn("SBXT",
                PASSWORD), officer + "&workload");
        measure("officers' decisions against the limit (authority officer, PROV-SICHUAN, 2025)",
                Fixtures.signedIn("SBFZ", PASSWORD), officer + "&workload");
        measure("decisions drill-down, late ones of a month (authority officer, March 2025)",
                Fixtures.signedIn("SBFZ", PASSWORD), officer + "&workload&drill&month=3&late");
        PortalClient admin = Fixtures.signedIn("SBXT", PASSWORD);
        long started = System.nanoTime();
        var xlsx = admin.getBytes(officer + "&export");
        double seconds = (System.nanoTime() - started) / 1e9;
        assertEquals(200, xlsx.statusCode());
        String figures = admin.get(officer).body();
        String rows = figures.substring(figures.lastIndexOf("total ") + 6).split(" ")[0];
        System.out.printf("[bench] the year's licences to Excel (system administrator, 2025): %s licences, %,d bytes in"
                + " %.1f s%n", rows, xlsx.body().length, seconds);
        assertTrue(xlsx.body().length > 0);
        // the year's goods lines (a third of 3,000,000) to Excel
        started = System.nanoTime();
        xlsx = admin.getBytes(officer + "&goods&grouping=COMMODITY&export" + year);
        seconds = (System.nanoTime() - started) / 1e9;
        assertEquals(200, xlsx.statusCode());
        String goods = admin.get(officer + "&goods&grouping=COMMODITY&drill" + year).body();
        System.out.printf("[bench] the year's goods lines to Excel (system administrator, 2025): %s lines, %,d bytes in"
                + " %.1f s%n", goods.lines().findFirst().orElse("?").replace("total ", ""), xlsx.body().length, seconds);
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
            assertTrue(!answer.startsWith("REFUSED") && !answer.startsWith("ERROR") && !answer.isEmpty(), answer);
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
