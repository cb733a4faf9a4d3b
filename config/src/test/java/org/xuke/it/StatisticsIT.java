package org.xuke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import jakarta.inject.Inject;
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
import org.xuke.platform.Zones;

/**
 * 统计月报 (issue 20, first part) on a hand-made data set: nine licences of two Hebei companies
 * issued through the real boundary, then placed in months and destinations by SQL (the facts' issue
 * dates, the copies' destination) and one of them deleted. The figures written down below are
 * compared with the statistic for the holder, the other company, Hebei's officers and another
 * province's; a month's drill-down and the Excel export add up to its figure.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatisticsIT {

    private static final String PASSWORD = "Xk-2026-statistics-20";
    private static final String USCC = ListPagesBenchmark.uscc(2020);
    private static final String OTHER_USCC = ListPagesBenchmark.uscc(2021);
    private static final long FIRST = 340_000_000L;
    private static final int COPIES = 6;
    private static final String ENTERPRISE_PROBE = PortalClient.HTTPS + "/enterprise/it-stats?";
    private static final String OFFICER_PROBE = PortalClient.HTTPS + "/officer/it-stats?";
    private static final String PAGE = PortalClient.HTTPS + "/enterprise/statistics.xhtml";
    private static final int YEAR = LocalDate.now(Zones.CHINA).getYear();
    private static final String KOREA = "133";
    private static final String CLOSURE_ENTERPRISE = PortalClient.HTTPS + "/enterprise/it-closure?";
    private static final String CLOSURE_OFFICER = PortalClient.HTTPS + "/officer/it-closure?";
    private static final String RANGE = "&from=" + YEAR + "-01-01&to=" + YEAR + "-12-31";

    /** The applications decided through the portal: the template, the other company's, the coke one. */
    private static List<Long> applications;

    /** Each licence's amount (every copy has its template's); the other company's licence. */
    private static BigDecimal usd;
    private static BigDecimal otherUsd;
    private static String country;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(StatisticsIT.class);
    }

    @Inject
    AccountService accounts;

    @Inject
    CertificateService certificates;

    @Inject
    EnterpriseService enterprises;

    @BeforeAll
    static void makePeople() throws Exception {
        Fixtures.people(StatisticsIT.class);
    }

    @People
    void companiesAndOfficers() throws Exception {
        long a = enterprises.register("IT", USCC, "PROV-HEBEI", new EnterpriseDetails(
                "河北统计测试进出口公司", "1301020000201", "石家庄", "联系人", "0311-1", null)).getId();
        long b = enterprises.register("IT", OTHER_USCC, "PROV-HEBEI", new EnterpriseDetails(
                "河北另一家统计测试公司", "1301020000202", "石家庄", "联系人", "0311-2", null)).getId();
        Fixtures.enterpriseUser(accounts, certificates, a, "TJQA", PASSWORD, true);
        Fixtures.enterpriseUser(accounts, certificates, b, "TJQB", PASSWORD, true);
        Fixtures.officer(accounts, certificates, "PROV-HEBEI", "TJCS", PASSWORD, Set.of(Role.INITIAL_REVIEWER));
        Fixtures.officer(accounts, certificates, "PROV-HEBEI", "TJFS", PASSWORD, Set.of(Role.SECOND_REVIEWER));
        Fixtures.officer(accounts, certificates, "PROV-HEBEI", "TJFZ", PASSWORD, Set.of(Role.ISSUER));
        Fixtures.officer(accounts, certificates, "PROV-HEBEI", "TJJG", PASSWORD, Set.of(Role.AUTHORITY_ADMIN));
        Fixtures.officer(accounts, certificates, "PROV-SHANXI", "TJSX", PASSWORD, Set.of(Role.ISSUER));
    }

    @Test
    @Order(1)
    @RunAsClient
    void nineLicencesArePlacedInMonthsAndDestinations() throws Exception {
        Fixtures.licenceNumberCode("TJJG", PASSWORD, "HE");
        long template = CustomsLoad.approved("TJQA", "TJCS", "TJFS", PASSWORD, "HT-2026-TJ1");
        long other = CustomsLoad.approved("TJQB", "TJCS", "TJFS", PASSWORD, "HT-2026-TJ2");
        // coke (焦炭, category EL32) for the special statistic: 30 at 12.50, moved two years back below
        long coke = CustomsLoad.approved("TJQA", "TJCS", "TJFS", PASSWORD, "HT-2026-TJ3", "2704001000", "30");
        CustomsLoad.copies(template, FIRST, COPIES);
        List<Long> ids = new ArrayList<>(List.of(template, other));
        for (int i = 0; i < COPIES; i++) {
            ids.add(FIRST + i);
        }
        country = CustomsLoad.query("select country_code from export_application where id = ?", template);
        // copies 3, 4 and 5 go to Korea (the fact is written from the application at issue)
        sql("update export_application set country_code = '" + KOREA + "' where id between ? and ?", FIRST + 3, FIRST + 5);
        ids.add(coke);
        CustomsLoad.Issued issued = CustomsLoad.issue(ids, "TJFZ", PASSWORD, 1, ids.size());
        assertEquals(List.of(), issued.refusals());
        assertEquals(9, issued.licences());
        ids.remove(Long.valueOf(coke));
        applications = List.of(template, other, coke);
        assertEquals(8, CustomsLoad.count("select count(*) from licence_fact f join licence l on l.id = f.licence_id"
                + " where l.application_id = any (?)", (Object) ids.toArray(Long[]::new)), "a fact per licence, at issue");
        usd = new BigDecimal(CustomsLoad.query("select total_usd from licence where application_id = ?", template));
        otherUsd = new BigDecimal(CustomsLoad.query("select total_usd from licence where application_id = ?", other));
        // the monthly sums kept at each issue equal those the migration computes from the rows
        assertSums("goods_month", "applied_on", "goods_month kept by the issues = computed from the lines");
        assertSums("licence_month", "issued_on", "licence_month kept by the issues = computed from the licences");
        // the hand-made year: copies 0 and 1 issued in March, copy 2 in July, the rest today (December);
        // copy 5 deleted (删证: never took effect, not counted)
        sql("update licence_fact set issued_on = ? where licence_id in (select id from licence where application_id"
                + " between ? and ?)", LocalDate.of(YEAR, 3, 15), FIRST, FIRST + 1);
        sql("update licence_fact set issued_on = ? where licence_id in (select id from licence where application_id"
                + " = ?)", LocalDate.of(YEAR, 7, 1), FIRST + 2);
        for (String table : List.of("licence_fact", "licence_line_fact")) {
            sql("update " + table + " set issued_on = ?, applied_on = ? where licence_id in (select id from licence where"
                    + " application_id = ?)", LocalDate.of(YEAR - 2, 5, 20), LocalDate.of(YEAR - 2, 5, 18), coke);
        }
        sql("update licence_line_fact set applied_on = ? where licence_id in (select id from licence where application_id"
                + " between ? and ?)", LocalDate.of(YEAR, 3, 14), FIRST, FIRST + 1);
        // the sums of the months again, as the migration computes them, from the moved lines
        sql("delete from goods_month");
        sql("insert into goods_month " + migration("select cast(date_trunc('month', applied_on)"));
        sql("delete from licence_month");
        sql("insert into licence_month " + migration("select cast(date_trunc('month', issued_on)"));
        // copy 5 deleted through the closure boundary: 删证 requested, approved by Hebei's issuer
        String number = CustomsLoad.query("select licence_number from licence where application_id = ?", FIRST + 5);
        PortalClient enterprise = Fixtures.signedIn("TJQA", PASSWORD);
        String saved = enterprise.get(CLOSURE_ENTERPRISE + "op=save&kind=DELETION&number=" + number
                + "&reason=" + java.net.URLEncoder.encode("合同取消", java.nio.charset.StandardCharsets.UTF_8)).body();
        assertTrue(saved.startsWith("OK "), saved);
        String id = saved.split(" ")[2];
        assertTrue(enterprise.get(CLOSURE_ENTERPRISE + "op=submit&id=" + id).body().startsWith("OK "));
        String approved = Fixtures.signedIn("TJFZ", PASSWORD).get(CLOSURE_OFFICER + "op=approve&id=" + id).body();
        assertTrue(approved.startsWith("OK APPROVED"), approved);
        assertSums("goods_month", "applied_on", "the deletion took its lines out of the sums");
        assertSums("licence_month", "issued_on", "the deletion took the licence out of the sums");
        assertEquals("false false", CustomsLoad.query("select f.counted::text || ' ' || (select bool_or(x.counted)"
                + " from licence_line_fact x where x.licence_id = f.licence_id)::text from licence_fact f"
                + " join licence l on l.id = f.licence_id where l.application_id = ?", FIRST + 5),
                "deleted: counted no more");
    }

    @Test
    @Order(2)
    @RunAsClient
    void theFiguresAreThoseWrittenDownForEachCaller() throws Exception {
        int now = LocalDate.now(Zones.CHINA).getMonthValue();
        // the holder: March 2, July 1, this month 3 (the template and copies 3, 4); 6 in all
        Map<Integer, Long> holder = Map.of(3, 2L, 7, 1L, now, 3L);
        assertFigures(get("TJQA", ENTERPRISE_PROBE + "year=" + YEAR), holder, usd);
        // to the template's destination: this month only the template itself
        assertFigures(get("TJQA", ENTERPRISE_PROBE + "year=" + YEAR + "&country=" + country),
                Map.of(3, 2L, 7, 1L, now, 1L), usd);
        assertFigures(get("TJQA", ENTERPRISE_PROBE + "year=" + YEAR + "&country=" + KOREA), Map.of(now, 2L), usd);
        assertFigures(get("TJQA", ENTERPRISE_PROBE + "year=" + (YEAR - 1)), Map.of(), usd);
        // the other company sees its one licence, never the holder's
        assertFigures(get("TJQB", ENTERPRISE_PROBE + "year=" + YEAR), Map.of(now, 1L), otherUsd);
        // Hebei's officers: both companies (7, the amounts differ by company)
        String hebei = get("TJFZ", OFFICER_PROBE + "year=" + YEAR);
        assertTrue(hebei.endsWith("total 7 " + usd.multiply(BigDecimal.valueOf(6)).add(otherUsd).toPlainString()),
                hebei);
        assertEquals(get("TJFZ", OFFICER_PROBE + "year=" + YEAR), get("TJJG", OFFICER_PROBE + "year=" + YEAR
                + "&authority=PROV-HEBEI"));
        // another province's officer: none of it, even asking for Hebei
        assertTrue(get("TJSX", OFFICER_PROBE + "year=" + YEAR + "&authority=PROV-HEBEI").endsWith("total 0 0"));
        assertEquals("REFUSED statistics.year", get("TJQA", ENTERPRISE_PROBE + "year=1999"));
        assertEquals("REFUSED statistics.month", get("TJQA", ENTERPRISE_PROBE + "year=" + YEAR + "&drill&month=13"));
    }

    @Test
    @Order(3)
    @RunAsClient
    void aFigureDrillsDownToTheLicencesThatMakeItAndSoDoesItsWorkbook() throws Exception {
        String march = get("TJQA", ENTERPRISE_PROBE + "year=" + YEAR + "&drill&month=3");
        List<String> lines = march.lines().toList();
        assertEquals("total 2", lines.get(0));
        assertEquals(usd.multiply(BigDecimal.valueOf(2)), lines.stream().skip(1).map(l -> new BigDecimal(l.split(" ")[1]))
                .reduce(BigDecimal.ZERO, BigDecimal::add), "the month's amount");
        PortalClient holder = Fixtures.signedIn("TJQA", PASSWORD);
        byte[] xlsx = holder.getBytes(ENTERPRISE_PROBE + "year=" + YEAR + "&export").body();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertEquals("许可证号", sheet.getRow(0).getCell(0).getStringCellValue());
            BigDecimal sum = BigDecimal.ZERO;
            int licences = 0;
            for (int r = 1; r < sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                assertTrue(row.getCell(0).getStringCellValue().matches("26HE\\d{6}"));
                assertTrue(Set.of("有效", "已过期", "已核销", "已换证退回").contains(row.getCell(7).getStringCellValue()));
                sum = sum.add(BigDecimal.valueOf(row.getCell(6).getNumericCellValue()));
                licences++;
            }
            Row total = sheet.getRow(sheet.getLastRowNum());
            assertEquals(6, licences, "the year's six, the deleted one not among them");
            assertEquals("合计 6 份", total.getCell(0).getStringCellValue());
            assertEquals(0, usd.multiply(BigDecimal.valueOf(6)).compareTo(sum.setScale(2, java.math.RoundingMode.HALF_UP)));
            assertEquals(0, usd.multiply(BigDecimal.valueOf(6)).compareTo(BigDecimal.valueOf(total.getCell(6)
                    .getNumericCellValue()).setScale(2, java.math.RoundingMode.HALF_UP)), "the total row is the figure");
        }
    }

    @Test
    @Order(4)
    @RunAsClient
    void thePageCountsDrawsAndOpensAFigure() throws Exception {
        PortalClient holder = Fixtures.signedIn("TJQA", PASSWORD);
        holder.get(PAGE);
        String counted = holder.submit(PAGE, "stats", Map.of("stats:year", String.valueOf(YEAR), "stats:count", ""))
                .body();
        assertTrue(counted.contains("<th scope=\"row\">3月</th>"), "the twelve months");
        assertTrue(counted.contains("stats:chart"), "the chart");
        String opened = holder.submit(PAGE, "stats", Map.of("stats:months:2:open", "stats:months:2:open")).body();
        assertTrue(opened.contains("3月\n            · 许可证份数 2") || opened.matches("(?s).*3月\\s*· 许可证份数 2.*"), opened);
        assertEquals(2, PortalClient.findAll(opened, "class=\"statistics-licence\">(26HE\\d{6})<").size(),
                "its two licences listed");
    }

    @Test
    @Order(5)
    @RunAsClient
    void theGoodsStatisticsAreThoseWrittenDown() throws Exception {
        // every licence of the gallium template has one line: 10 kg (035) at 12.50 = 125.00 USD
        String all = "goods&grouping=COMMODITY" + RANGE;
        // the holder: the template and copies 0-4 (copy 5 deleted) = 6 licences, 60 kg, 750.00
        assertEquals("8112921000 null null 035 6 60 750.00 12.5000\ntotal 6 750.00", get("TJQA", ENTERPRISE_PROBE + all));
        assertEquals("EL34 null null 035 6 60 750.00 12.5000\ntotal 6 750.00",
                get("TJQA", ENTERPRISE_PROBE + "goods&grouping=CATEGORY" + RANGE));
        // to Korea: copies 3 and 4; applied in March (copies 0 and 1 moved): 2; other filters
        assertEquals("8112921000 null null 035 2 20 250.00 12.5000\ntotal 2 250.00",
                get("TJQA", ENTERPRISE_PROBE + all + "&country=" + KOREA));
        assertEquals("total 2 250.00", last(get("TJQA", ENTERPRISE_PROBE + "goods&grouping=COMMODITY&from=" + YEAR
                + "-03-01&to=" + YEAR + "-03-31")));
        assertEquals("total 6 750.00", last(get("TJQA", ENTERPRISE_PROBE + all + "&tradeMode=0110&port=0901")));
        assertEquals("total 0 0", last(get("TJQA", ENTERPRISE_PROBE + all + "&tradeMode=0214")));
        assertEquals("total 0 0", last(get("TJQA", ENTERPRISE_PROBE + all + "&port=0100")));
        // the other company: its one; Hebei's officers: both (7, 70 kg, 875.00); Shanxi's: none
        assertEquals("total 1 125.00", last(get("TJQB", ENTERPRISE_PROBE + all)));
        assertEquals("8112921000 null null 035 7 70 875.00 12.5000\ntotal 7 875.00", get("TJFZ", OFFICER_PROBE + all));
        assertEquals("total 0 0", get("TJSX", OFFICER_PROBE + all));
        // an officer's range of days: the months inside from their sums, the days around them from the lines
        String today = LocalDate.now(Zones.CHINA).toString();
        assertEquals("total 7 875.00", last(get("TJFZ", OFFICER_PROBE + "goods&grouping=COMMODITY&from=" + YEAR
                + "-03-10&to=" + today)));
        assertEquals("total 5 625.00", last(get("TJFZ", OFFICER_PROBE + "goods&grouping=CATEGORY&from=" + YEAR
                + "-03-15&to=" + today)), "copies 0 and 1 applied on 14 March");
        assertEquals("total 2 250.00", last(get("TJFZ", OFFICER_PROBE + "goods&grouping=COMMODITY&from=" + YEAR
                + "-02-01&to=" + YEAR + "-04-30")), "March whole, from its sums");
        assertEquals("total 2 250.00", last(get("TJFZ", OFFICER_PROBE + "goods&grouping=COMMODITY&from=" + YEAR
                + "-03-14&to=" + YEAR + "-03-14")), "one day, from the lines");
        assertEquals("total 6 750.00", last(get("TJFZ", OFFICER_PROBE + all + "&consignor=" + CustomsLoad.query(
                "select consignor_code from export_application where id = ?", applications.get(0)))),
                "a consignor: the holder's, from the lines");
        // coke two years back: the special statistic by grade, exporter and destination; not in this year's
        String exporter = CustomsLoad.query("select exporter_code from export_application where id = ?",
                applications.get(2));
        String cokeRange = "&from=" + (YEAR - 2) + "-01-01&to=" + (YEAR - 2) + "-12-31";
        assertEquals("99.99% " + exporter + " 116 035 1 30 375.00 12.5000\ntotal 1 375.00", get("TJQA",
                ENTERPRISE_PROBE + "goods&grouping=GRADE&kind=COKE&basis=ISSUED" + cokeRange));
        assertEquals("total 0 0", last(get("TJQA", ENTERPRISE_PROBE + "goods&grouping=GRADE&kind=RICE&basis=ISSUED"
                + cokeRange)));
        assertEquals("total 1 375.00", last(get("TJQA", ENTERPRISE_PROBE + "goods&grouping=GRADE&kind=COKE"
                + "&basis=ISSUED&contract=HT-2026-TJ3&grade=99.99" + cokeRange)));
        assertEquals("total 0 0", last(get("TJQA", ENTERPRISE_PROBE + "goods&grouping=GRADE&kind=COKE"
                + "&basis=ISSUED&contract=HT-2026-TJ1" + cokeRange)));
        assertEquals("total 0 0", last(get("TJQB", ENTERPRISE_PROBE + "goods&grouping=GRADE&kind=COKE&basis=ISSUED"
                + cokeRange)), "only its own company's");
        // applied two days before it was issued: in the application-date range, not the issue-date one
        assertEquals("total 1 375.00", last(get("TJQA", ENTERPRISE_PROBE + "goods&grouping=GRADE&kind=COKE&from="
                + (YEAR - 2) + "-05-18&to=" + (YEAR - 2) + "-05-18")));
        assertEquals("total 0 0", last(get("TJQA", ENTERPRISE_PROBE + "goods&grouping=GRADE&kind=COKE&basis=ISSUED"
                + "&from=" + (YEAR - 2) + "-05-18&to=" + (YEAR - 2) + "-05-18")));
        assertEquals("REFUSED statistics.datesOrder", get("TJQA", ENTERPRISE_PROBE + "goods&grouping=COMMODITY&from="
                + YEAR + "-02-01&to=" + YEAR + "-01-01"));
        assertEquals("REFUSED statistics.datesSpan", get("TJQA", ENTERPRISE_PROBE + "goods&grouping=COMMODITY&from="
                + (YEAR - 4) + "-01-01&to=" + YEAR + "-01-01"));
    }

    @Test
    @Order(6)
    @RunAsClient
    void aGoodsFigureDrillsDownToItsLinesAndSoDoesItsWorkbook() throws Exception {
        String drill = get("TJFZ", OFFICER_PROBE + "goods&grouping=COMMODITY&drill&row=0" + RANGE);
        List<String> lines = drill.lines().toList();
        assertEquals("total 7", lines.get(0));
        assertEquals(new BigDecimal("875.00"), lines.stream().skip(1).map(l -> new BigDecimal(l.split(" ")[3]))
                .reduce(BigDecimal.ZERO, BigDecimal::add), "the lines add up to the figure");
        assertEquals(70, lines.stream().skip(1).mapToInt(l -> Integer.parseInt(l.split(" ")[2])).sum());
        // over days around whole months: the count from the sums and the lines as the figure was, the lines listed
        String around = get("TJFZ", OFFICER_PROBE + "goods&grouping=CATEGORY&drill&row=0&from=" + YEAR + "-03-10&to="
                + LocalDate.now(Zones.CHINA));
        assertEquals("total 7", around.lines().findFirst().orElseThrow());
        assertEquals(8, around.lines().count(), "as many lines listed as counted");
        String march = get("TJFZ", OFFICER_PROBE + "goods&grouping=COMMODITY&drill&code=8112921000&unit=035&from="
                + YEAR + "-02-01&to=" + YEAR + "-04-30");
        assertEquals(3, march.lines().count(), "March's two, counted from its sums: " + march);
        byte[] xlsx = Fixtures.signedIn("TJFZ", PASSWORD).getBytes(OFFICER_PROBE
                + "goods&grouping=COMMODITY&export&row=0" + RANGE).body();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertEquals("许可证号", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals(8, sheet.getLastRowNum(), "seven lines and the total");
            BigDecimal usd = BigDecimal.ZERO;
            for (int r = 1; r < sheet.getLastRowNum(); r++) {
                assertEquals("8112921000", sheet.getRow(r).getCell(7).getStringCellValue());
                usd = usd.add(BigDecimal.valueOf(sheet.getRow(r).getCell(12).getNumericCellValue()));
            }
            Row total = sheet.getRow(sheet.getLastRowNum());
            assertEquals("合计 7 项", total.getCell(0).getStringCellValue());
            assertEquals(70, total.getCell(11).getNumericCellValue(), 0.0001);
            assertEquals(0, new BigDecimal("875.00").compareTo(usd.setScale(2, java.math.RoundingMode.HALF_UP)));
            assertEquals(875.0, total.getCell(12).getNumericCellValue(), 0.001);
        }
    }

    @Test
    @Order(7)
    @RunAsClient
    void theReviewersDecisionsAreCountedAgainstTheLimit() throws Exception {
        int now = LocalDate.now(Zones.CHINA).getMonthValue();
        // through the portal today: three initial reviews (TJCS), three second reviews (TJFS), nine issues
        // (TJFZ; the SQL copies' earlier steps were not decided through it) — all on the day received
        String hebei = get("TJFZ", OFFICER_PROBE + "workload&year=" + YEAR);
        List<String> rows = hebei.lines().toList();
        assertTrue(rows.contains(now + " TJCS INITIAL 3 3 0"), hebei);
        assertTrue(rows.contains(now + " TJFS SECOND 3 3 0"), hebei);
        assertTrue(rows.contains(now + " TJFZ ISSUE 9 9 0"), hebei);
        assertTrue(rows.contains("stage 0 ISSUE 9 9"), "issuance volume of the year");
        assertTrue(rows.contains("month " + now + " 15"), hebei);
        assertEquals(hebei, get("TJJG", OFFICER_PROBE + "workload&year=" + YEAR), "every Hebei officer alike");
        assertEquals("", get("TJSX", OFFICER_PROBE + "workload&year=" + YEAR), "Shanxi's: none of Hebei's");
        assertEquals("REFUSED access.denied", get("TJQA", ENTERPRISE_PROBE + "workload&year=" + YEAR));
        // a decision taken late (hand-made: five working days after receipt) counts as such, and opens alone
        String monthly = migration("select cast(date_trunc('month', decided_on)");
        assertEquals(0, CustomsLoad.count("select count(*) from ((select * from decision_month except " + monthly
                + ") union all (" + monthly + " except select * from decision_month)) d"),
                "decision_month kept by the decisions = computed from them");
        sql("update decision_fact set working_days = 5, in_time = false where application_id = ? and stage = 'ISSUE'",
                applications.get(0));
        sql("delete from decision_month");
        sql("insert into decision_month " + monthly);
        rows = get("TJFZ", OFFICER_PROBE + "workload&year=" + YEAR).lines().toList();
        assertTrue(rows.contains(now + " TJFZ ISSUE 9 8 5"), rows.toString());
        String late = get("TJFZ", OFFICER_PROBE + "workload&drill&year=" + YEAR + "&month=0&stage=ISSUE&late");
        String number = CustomsLoad.query("select application_number from export_application where id = ?",
                applications.get(0));
        assertEquals("total 1\n" + number + " TJFZ ISSUE 5 false\n", late);
        assertTrue(get("TJFZ", OFFICER_PROBE + "workload&drill&year=" + YEAR + "&month=" + now + "&actor=TJCS")
                .startsWith("total 3\n"));
        // the migration's back-fill of decisions taken before it counts them as the service does
        String backFill = migration("select s.application_id");
        long differ = CustomsLoad.count("select count(*) from ((" + backFill + " and s.application_id = any (?))"
                + " except select application_id, step_no, authority_code, actor, stage, transition, received_on,"
                + " decided_on, working_days, in_time from decision_fact where application_id = any (?)"
                + " and not (application_id = " + applications.get(0) + " and stage = 'ISSUE')) d",
                applications.toArray(Long[]::new), applications.toArray(Long[]::new));
        assertEquals(1, differ, "only the hand-made late decision differs from what the back-fill computes");
    }

    @Test
    @Order(8)
    @RunAsClient
    void theGoodsAndDecisionPagesCountDrawAndOpenAFigure() throws Exception {
        String goodsPage = PortalClient.HTTPS + "/officer/goods-statistics.xhtml";
        PortalClient issuer = Fixtures.signedIn("TJFZ", PASSWORD);
        issuer.get(goodsPage);
        Map<String, String> fields = new java.util.HashMap<>(Map.of("goods:from_input", YEAR + "-01-01", "goods:to_input",
                YEAR + "-12-31", "goods:grouping", "COMMODITY", "goods:count", ""));
        String counted = issuer.submit(goodsPage, "goods", fields).body();
        assertTrue(counted.contains("<th scope=\"row\">8112921000 未锻轧的镓、铋; 粉末</th>"), "the commodity's row, named");
        assertTrue(counted.contains("goods:chart"), "the chart");
        // a browser posts the form's fields with every link and button
        Map<String, String> form = new java.util.HashMap<>(fields);
        form.remove("goods:count");
        form.put("goods:rows:0:open", "goods:rows:0:open");
        String opened = issuer.submit(goodsPage, "goods", form).body();
        assertEquals(7, PortalClient.findAll(opened, "class=\"statistics-licence\">(26HE\\d{6})<").size(),
                "its seven lines listed");
        // its workbook written in the background: the progress, then the link, for this user only
        form.remove("goods:rows:0:open");
        Map<String, String> export = new java.util.HashMap<>(form);
        export.put("goods:export", "");
        String started = issuer.submit(goodsPage, "goods", export).body();
        assertTrue(started.contains("goods:excelProgress") || started.contains("excel-download"), "the progress bar");
        String page = started;
        for (int i = 0; i < 60 && !page.contains("id=\"excel-download\""); i++) {
            Thread.sleep(500);
            page = issuer.submit(goodsPage, "goods", form).body();
        }
        String href = PortalClient.find(page, "id=\"excel-download\" href=\"([^\"]+)\"");
        var workbook = issuer.getBytes(PortalClient.HTTPS + href);
        assertEquals(200, workbook.statusCode());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook.body()))) {
            assertEquals(8, book.getSheetAt(0).getLastRowNum(), "the seven lines and the total, as the page listed");
            assertEquals("合计 7 项", book.getSheetAt(0).getRow(8).getCell(0).getStringCellValue());
        }
        assertEquals(404, Fixtures.signedIn("TJJG", PASSWORD).getBytes(PortalClient.HTTPS + href).statusCode(),
                "only the officer who exported downloads it");
        // the dates refused beside their field, what was typed kept
        fields.put("goods:to_input", YEAR - 1 + "-01-01");
        String refused = issuer.submit(goodsPage, "goods", fields).body();
        assertTrue(refused.contains("早于起始日期"), "the order of the dates");
        assertTrue(refused.contains("value=\"" + (YEAR - 1) + "-01-01\""), "kept as typed");
        // the coke statistic in the holder's portal: by grade, exporter and destination
        String coke = PortalClient.HTTPS + "/enterprise/goods-statistics.xhtml?special=COKE";
        PortalClient holder = Fixtures.signedIn("TJQA", PASSWORD);
        String cokePage = holder.get(coke).body();
        assertTrue(cokePage.contains("<h1>焦炭专项统计</h1>") && cokePage.contains("按发证日期查询、统计本企业的许可证"),
                "the special statistic's own page");
        String cokeRows = holder.submit(coke, "goods", Map.of("goods:from_input", (YEAR - 2) + "-01-01",
                "goods:to_input", (YEAR - 2) + "-12-31", "goods:count", "")).body();
        assertTrue(cokeRows.contains("<th scope=\"row\">99.99%</th>"), "the grade's row");
        assertTrue(cokeRows.contains("12.5000"), "its unit price");
        // 综合查询: the holder's applications of the year's commodity as listed, to Excel
        String list = PortalClient.HTTPS + "/enterprise/applications.xhtml?list=ALL";
        String searched = holder.search(list, "apps", Map.of("apps:commodity", "8112921000"));
        assertTrue(searched.contains("8112921000"), "the list found them");
        String exporting = holder.submit(list, "apps", Map.of("apps:commodity", "8112921000", "apps:export", "")).body();
        for (int i = 0; i < 60 && !exporting.contains("id=\"excel-download\""); i++) {
            Thread.sleep(500);
            exporting = holder.submit(list, "apps", Map.of("apps:commodity", "8112921000")).body();
        }
        String listHref = PortalClient.find(exporting, "id=\"excel-download\" href=\"([^\"]+)\"");
        long listed = CustomsLoad.count("select count(*) from export_application a join enterprise e on e.id ="
                + " a.enterprise_id where e.uscc = ? and a.commodity_code = '8112921000'", USCC);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(holder.getBytes(PortalClient.HTTPS
                + listHref).body()))) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertEquals("申请表编号", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals(listed + 1, sheet.getLastRowNum(), "every application of the company and the total");
            assertEquals("合计 " + listed + " 份", sheet.getRow(sheet.getLastRowNum()).getCell(0).getStringCellValue());
            assertEquals("已发证", sheet.getRow(1).getCell(1).getStringCellValue());
        }
        // decision times: the year by stage, a reviewer's late decision opened alone
        String workloadPage = PortalClient.HTTPS + "/officer/workload.xhtml";
        issuer.get(workloadPage);
        String figures = issuer.submit(workloadPage, "workload", Map.of("workload:year", String.valueOf(YEAR),
                "workload:count", "")).body();
        assertTrue(figures.contains("workload:chart"), "the chart");
        assertTrue(figures.matches("(?s).*<th scope=\"row\">发证</th>\\s*<td class=\"xuke-number\"><a [^>]*>9</a>.*"),
                "nine issued this year");
        int row = figures.indexOf(">TJFZ<");
        String late = PortalClient.find(figures.substring(row), "id=\"(workload:rows:\\d+:late)\"");
        String lateList = issuer.submit(workloadPage, "workload", Map.of(late, late)).body();
        assertEquals(1, PortalClient.findAll(lateList, "class=\"workload-application\">([^<]+)<").size(), "the late one");
        assertEquals(403, Fixtures.signedIn("TJQA", PASSWORD).get(workloadPage).statusCode(), "not for enterprises");
    }

    /** The monthly sums in {@code table} equal, row for row, what V28 computes from the rows (by month of {@code date}). */
    private static void assertSums(String table, String date, String what) throws Exception {
        String computed = migration("select cast(date_trunc('month', " + date + ")");
        List<String> differ = CustomsLoad.column("select d::text from ((select 'kept', * from " + table + " except select"
                + " 'kept', * from (" + computed + ") c) union all (select 'computed', * from (" + computed + ") c except"
                + " select 'computed', * from " + table + ")) d");
        assertEquals(List.of(), differ, what);
    }

    /**
     * A statement of V28 (the statistics model) from its text {@code start} to its end, without the semicolon, with
     * an absent code as V29 made it ('-' instead of '').
     */
    private static String migration(String start) throws IOException {
        String migration = Files.readString(Path.of("../ejb/src/main/resources/db/vendor/postgresql/V28__statistics_model.sql"));
        int from = migration.indexOf(start);
        assertTrue(from >= 0, start);
        return migration.substring(from, migration.indexOf(';', from)).strip().replace(", '')", ", '-')");
    }

    private static String last(String answer) {
        List<String> lines = answer.lines().toList();
        return lines.get(lines.size() - 1);
    }

    private static void assertFigures(String answer, Map<Integer, Long> expected, BigDecimal each) {
        List<String> lines = answer.lines().toList();
        assertEquals(13, lines.size(), answer);
        long total = 0;
        for (int month = 1; month <= 12; month++) {
            long licences = expected.getOrDefault(month, 0L);
            total += licences;
            assertEquals(month + " " + licences + " " + (licences == 0 ? "0" : each.multiply(BigDecimal.valueOf(licences))
                    .toPlainString()), lines.get(month - 1), answer);
        }
        assertEquals("total " + total + " " + (total == 0 ? "0" : each.multiply(BigDecimal.valueOf(total))
                .toPlainString()), lines.get(12));
    }

    private static String get(String user, String url) throws Exception {
        return Fixtures.signedIn(user, PASSWORD).get(url).body();
    }

    private static void sql(String statement, Object... parameters) throws Exception {
        try (Connection c = CustomsLoad.database(); PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }
}
