package org.xuke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
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
        CustomsLoad.copies(template, FIRST, COPIES);
        List<Long> ids = new ArrayList<>(List.of(template, other));
        for (int i = 0; i < COPIES; i++) {
            ids.add(FIRST + i);
        }
        country = CustomsLoad.query("select country_code from export_application where id = ?", template);
        // copies 3, 4 and 5 go to Korea (the fact is written from the application at issue)
        sql("update export_application set country_code = '" + KOREA + "' where id between ? and ?", FIRST + 3, FIRST + 5);
        CustomsLoad.Issued issued = CustomsLoad.issue(ids, "TJFZ", PASSWORD, 1, ids.size());
        assertEquals(List.of(), issued.refusals());
        assertEquals(8, issued.licences());
        assertEquals(8, CustomsLoad.count("select count(*) from licence_fact f join licence l on l.id = f.licence_id"
                + " where l.application_id = any (?)", (Object) ids.toArray(Long[]::new)), "a fact per licence, at issue");
        usd = new BigDecimal(CustomsLoad.query("select total_usd from licence where application_id = ?", template));
        otherUsd = new BigDecimal(CustomsLoad.query("select total_usd from licence where application_id = ?", other));
        // the hand-made year: copies 0 and 1 issued in March, copy 2 in July, the rest today (December);
        // copy 5 deleted (删证: never took effect, not counted)
        sql("update licence_fact set issued_on = ? where licence_id in (select id from licence where application_id"
                + " between ? and ?)", LocalDate.of(YEAR, 3, 15), FIRST, FIRST + 1);
        sql("update licence_fact set issued_on = ? where licence_id in (select id from licence where application_id"
                + " = ?)", LocalDate.of(YEAR, 7, 1), FIRST + 2);
        sql("update licence set status = 'DELETED' where application_id = ?", FIRST + 5);
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
