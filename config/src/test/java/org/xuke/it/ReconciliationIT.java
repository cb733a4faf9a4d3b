package org.xuke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Queue;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import org.xuke.platform.Zones;

/**
 * The reconciliation job (Jakarta Batch, on Payara's runtime with its repository in PostgreSQL) on
 * hand-made cases, each licence 10 of gallium (no over-shipment tolerance), declared yesterday:
 * <pre>
 * A  one batch, two declarations of 5          → TOO_MANY_USES (the 2nd); used 10, not cleared: nothing due
 * B  one batch, 10 at port 0102, cleared       → WRONG_PORT; fully used and cleared: proposed, later written off by the job
 * C  one batch, 11, declared by another USCC    → ABOVE_TOLERANCE (declared 11, balance 10, allowed 10); remaining -1;
 *                                                BY_ANOTHER_HOLDER (declarant and holder)
 * D  validity ended the day before, 3 declared → AFTER_EXPIRY; remaining 7
 * F  one batch, 10, cleared                    → proposed; the issuer writes it off from the page
 * ?  usage for 26ZZ000001 (never issued)       → UNKNOWN_LICENCE
 * </pre>
 * A second run for the date gives the same figures and findings; with the authority's automatic
 * write-off set, a run writes off B once and customs gets one cancellation, however often it runs.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReconciliationIT {

    private static final String PASSWORD = "Xk-2026-reconcile-19";
    private static final String USCC = ListPagesBenchmark.uscc(1919);
    private static final String OTHER_USCC = ListPagesBenchmark.uscc(1920);
    private static final String PAGE = PortalClient.HTTPS + "/officer/reconciliation.xhtml";
    private static final long FIRST = 330_000_000L;
    private static final String[] CASES = {"A", "B", "C", "D", "F"};
    /** The file customs drops (the server-side test writes it, the client-side one checks it: one name). */
    private static final String FILE = "reconciliation-it-declarations.csv";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(ReconciliationIT.class);
    }

    @Inject
    AccountService accounts;

    @Inject
    CertificateService certificates;

    @Inject
    EnterpriseService enterprises;

    @Resource(lookup = "jdbc/xuke")
    DataSource database;

    @Resource(lookup = "jms/xuke/ConnectionFactory")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/xuke/customs/Usage")
    Queue usage;

    @BeforeAll
    static void makePeople() throws Exception {
        Fixtures.people(ReconciliationIT.class);
    }

    @People
    void enterpriseAndOfficers() throws Exception {
        long company = enterprises.register("IT", USCC, "PROV-HUNAN", new EnterpriseDetails(
                "湖南对账测试进出口公司", "4301020000191", "长沙", "联系人", "0731-1", null)).getId();
        Fixtures.enterpriseUser(accounts, certificates, company, "DZQY", PASSWORD, true);
        Fixtures.officer(accounts, certificates, "PROV-HUNAN", "DZCS", PASSWORD, Set.of(Role.INITIAL_REVIEWER));
        Fixtures.officer(accounts, certificates, "PROV-HUNAN", "DZFS", PASSWORD, Set.of(Role.SECOND_REVIEWER));
        Fixtures.officer(accounts, certificates, "PROV-HUNAN", "DZFZ", PASSWORD, Set.of(Role.ISSUER));
        Fixtures.officer(accounts, certificates, "PROV-HUNAN", "DZJG", PASSWORD, Set.of(Role.AUTHORITY_ADMIN));
    }

    private static LocalDate yesterday() {
        return LocalDate.now(Zones.CHINA).minusDays(1);
    }

    @Test
    @Order(1)
    @RunAsClient
    void fiveLicencesAreIssuedAndStoredAtCustoms() throws Exception {
        Fixtures.licenceNumberCode("DZJG", PASSWORD, "HUN"); // "HN" is Hainan's in CatalogServiceIT
        long template = CustomsLoad.approved("DZQY", "DZCS", "DZFS", PASSWORD, "HT-2026-DZ1");
        CustomsLoad.copies(template, FIRST, CASES.length);
        CustomsLoad.Issued issued = CustomsLoad.issue(FIRST, CASES.length, "DZFZ", PASSWORD, 1, CASES.length);
        assertEquals(CASES.length, issued.licences(), issued.refusals().toString());
        CustomsLoad.awaitStored(FIRST, CASES.length);
        // D's validity ended the day before the declarations
        try (Connection c = CustomsLoad.database(); PreparedStatement s = c.prepareStatement(
                "update licence set validity_end = ? where application_id = ?")) {
            s.setObject(1, yesterday().minusDays(1));
            s.setLong(2, FIRST + 3);
            assertEquals(1, s.executeUpdate());
        }
    }

    /** Customs reports the declarations of yesterday (one message per declaration and state). */
    @Test
    @Order(2)
    void customsReportsYesterdaysDeclarations() throws Exception {
        usage("A", "431020260000000001", "0901", "5", "5", DeclarationState.RELEASED);
        usage("A", "431020260000000002", "0901", "5", "10", DeclarationState.RELEASED);
        usage("B", "431020260000000003", "0102", "10", "10", DeclarationState.RELEASED);
        usage("B", "431020260000000003", "0102", "10", "10", DeclarationState.CLEARED);
        // C declared by another enterprise than its holder
        usage("C", "431020260000000004", "0901", "11", "11", DeclarationState.RELEASED, OTHER_USCC);
        usage("D", "431020260000000005", "0901", "3", "3", DeclarationState.RELEASED);
        usage("F", "431020260000000006", "0901", "10", "10", DeclarationState.RELEASED);
        usage("F", "431020260000000006", "0901", "10", "10", DeclarationState.CLEARED);
        CustomsQueues.send(connectionFactory, usage, CustomsXml.write(new Usage(UUID.randomUUID(), DeploymentName.id(),
                "431020260000000007", "26ZZ000001", "0901", yesterday(), DeclarationState.RELEASED,
                List.of(new UsageLine(1, BigDecimal.ONE, BigDecimal.ONE)))));
        // several consumers take the messages in any order: wait for the state they end in
        String cleared = "select count(*) from customs_declaration d join licence l on l.id = d.licence_id "
                + "where d.state = 'CLEARED' and l.application_id between " + FIRST + " and " + (FIRST + 4);
        for (int i = 0; i < 300 && (count(cleared) < 2 || count("select count(*) from customs_inbound where "
                + "licence_number = '26ZZ000001'") < 1 || count("select count(*) from customs_declaration d join licence l "
                + "on l.id = d.licence_id where l.application_id between " + FIRST + " and " + (FIRST + 4)) < 6); i++) {
            Thread.sleep(100);
        }
        assertEquals(2, count("select count(*) from customs_declaration d join licence l on l.id = d.licence_id "
                + "where d.state = 'CLEARED' and l.application_id between " + FIRST + " and " + (FIRST + 4)));
    }

    @Test
    @Order(3)
    @RunAsClient
    void theRunFindsEveryCaseAndASecondRunTheSame() throws Exception {
        PortalClient issuer = Fixtures.signedIn("DZFZ", PASSWORD);
        run(issuer);
        List<String> first = figures();
        assertEquals(List.of(
                "A 10.00000 0.00000 2 NONE",
                "B 10.00000 0.00000 1 PROPOSED",
                "C 11.00000 -1.00000 1 NONE",
                "D 3.00000 7.00000 1 NONE",
                "F 10.00000 0.00000 1 PROPOSED"), first);
        List<String> anomalies = anomalies();
        // a finding that names no declaration keeps '-' in its key (V29: Oracle would store '' as null)
        assertEquals(List.of(
                "26ZZ000001 UNKNOWN_LICENCE - 0",
                "A TOO_MANY_USES 431020260000000002 0",
                "B WRONG_PORT 431020260000000003 0",
                "C ABOVE_TOLERANCE 431020260000000004 1",
                "C BY_ANOTHER_HOLDER 431020260000000004 0",
                "D AFTER_EXPIRY 431020260000000005 0"), anomalies);
        run(issuer);
        assertEquals(first, figures(), "a second run gives the same figures");
        assertEquals(anomalies, anomalies(), "and finds each anomaly once");
        String page = issuer.get(PAGE).body();
        assertTrue(page.contains("超过允许报关次数") && page.contains("非许可证口岸报关"), "the queue names the types");
    }

    @Test
    @Order(4)
    @RunAsClient
    void theIssuerHandlesAnomaliesAndWritesOffAProposalTheJobThenWritesOffTheOther() throws Exception {
        PortalClient issuer = Fixtures.signedIn("DZFZ", PASSWORD);
        issuer.get(PAGE);
        String refused = issuer.submit(PAGE, "anomalies", Map.of("anomalies:list:0:escalate", "")).body();
        assertTrue(refused.contains("上报时请填写批注"), "escalating needs a note");
        String acknowledged = issuer.submit(PAGE, "anomalies", Map.of("anomalies:list:0:note", "已与海关核实",
                "anomalies:list:0:acknowledge", "")).body();
        assertTrue(acknowledged.contains("的异常已确认"), acknowledged);
        assertEquals(1, CustomsLoad.count("select count(*) from audit_event where action = 'ANOMALY_ACKNOWLEDGED' "
                + "and actor = 'DZFZ'"));
        // the queue as it opens (待处理: the acknowledged one is gone; a form post names its filter as a browser does)
        issuer.get(PAGE);
        assertTrue(issuer.submit(PAGE, "anomalies", Map.of("anomalies:state", "OPEN", "anomalies:list:0:annotate", ""))
                .body().contains("批注时请填写批注内容"), "a note needs its text");
        String annotated = issuer.submit(PAGE, "anomalies", Map.of("anomalies:state", "OPEN",
                "anomalies:list:0:note", "待海关回复", "anomalies:list:0:annotate", "")).body();
        assertTrue(annotated.contains("的异常添加批注"), annotated);
        assertEquals("OPEN", CustomsLoad.query("select state from reconciliation_anomaly where note = '待海关回复'"),
                "a note alone leaves the anomaly open");
        assertEquals(1, CustomsLoad.count("select count(*) from audit_event where action = 'ANOMALY_ANNOTATED' "
                + "and actor = 'DZFZ' and details like '%note=待海关回复'"));

        String f = number("F");
        String proposals = issuer.get(PAGE).body();
        assertTrue(proposals.contains(">" + f + "</a>") && proposals.contains(">" + number("B") + "</a>"));
        int row = PortalClient.findAll(PortalClient.find(proposals, "(?s)id=\"proposals:list\"(.*?)</table>"),
                "class=\"proposal-licence\"[^>]*>([^<]+)<").indexOf(f);
        String written = issuer.submit(PAGE, "proposals", Map.of("proposals:list:" + row + ":writeOff", "")).body();
        assertTrue(written.contains("许可证 " + f + " 已核销"), written);
        assertEquals("WRITTEN_OFF", CustomsLoad.query("select status from licence where licence_number = ?", f));

        PortalClient admin = Fixtures.signedIn("DZJG", PASSWORD);
        admin.get(PAGE);
        assertTrue(admin.submit(PAGE, "setting", Map.of("setting:automatic", "true", "setting:saveSetting", ""))
                .body().contains("已设为对账自动核销"));
        run(issuer);
        run(issuer);
        String b = number("B");
        assertEquals("WRITTEN_OFF", CustomsLoad.query("select status from licence where licence_number = ?", b));
        assertEquals(1, CustomsLoad.count("select count(*) from customs_outbox where licence_number = ? and action = "
                + "'CANCEL'", b), "one cancellation however often the job runs");
        assertEquals("WRITTEN_OFF", CustomsLoad.query("select outcome from reconciliation_licence where licence_number = ?"
                + " and business_date = ?", b, yesterday()));
        assertEquals("NONE", CustomsLoad.query("select outcome from reconciliation_licence where licence_number = ?"
                + " and business_date = ?", number("A"), yesterday()), "not cleared: nothing written off");
    }

    /**
     * Customs hands over a declarations file after an outage (written where the server reads them):
     * a clearance of A's second declaration (twice: the second is a duplicate), a declaration against
     * a licence never issued here, a comment, and three bad lines.
     */
    @Test
    @Order(5)
    void customsDropsADeclarationsFile() throws Exception {
        Path folder = Path.of(System.getProperty("xuke.declarations.dir"));
        Files.createDirectories(folder);
        String a = query("select licence_number from licence where application_id = " + FIRST);
        String day = yesterday().toString();
        Files.writeString(folder.resolve(FILE), String.join("\n",
                "\uFEFF" + org.xuke.customs.DeclarationsFile.HEADER,
                "# 海关补发的报关数据",
                "431020260000000002," + day + "," + a + ",0901,CLEARED,1,5,10",
                "431020260000000002," + day + "," + a + ",0901,CLEARED,1,5,10",
                "431020260000000010," + day + ",26ZZ000002,0901,RELEASED,1,1,1",
                "431020260000000011,2026-13-01," + a + ",0901,RELEASED,1,1,11",
                "12345," + day + "," + a + ",0901,RELEASED,1,1,11",
                "too,few,fields",
                ""), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    @Order(6)
    @RunAsClient
    void theRunAppliesTheFileAndSkipsItsBadLinesWithTheirReason() throws Exception {
        PortalClient issuer = Fixtures.signedIn("DZFZ", PASSWORD);
        String execution = run(issuer);
        assertEquals("CLEARED", CustomsLoad.query("select state from customs_declaration where declaration_number = "
                + "'431020260000000002'"), "the file's clearance is applied");
        assertEquals(1, CustomsLoad.count("select count(*) from customs_inbound where licence_number = '26ZZ000002' "
                + "and result = 'DEAD' and reason = 'UNKNOWN_LICENCE'"));
        assertEquals(1, CustomsLoad.count("select count(*) from reconciliation_anomaly where licence_number = "
                + "'26ZZ000002' and anomaly_type = 'UNKNOWN_LICENCE' and business_date = ?", yesterday()),
                "usage of an unknown licence from the file is an anomaly like one from the queue");
        assertEquals(List.of(FILE + " 6 declarationDate:2026-13-01", FILE + " 7 declarationNumber:12345",
                FILE + " 8 fields:3"), CustomsLoad.column("select file_name || ' ' || line_number || ' ' || reason "
                + "from reconciliation_skipped_line where execution_id = ? order by line_number",
                Long.parseLong(execution)));
        String page = issuer.get(PAGE).body();
        assertEquals("3", PortalClient.find(page, "(?s)<td[^>]*>" + execution
                + "</td>.*?class=\"run-skipped\">(\\d+)<"), "the run's history counts the skipped lines");
        Path folder = Path.of(System.getProperty("xuke.work"), "declarations");
        assertTrue(Files.exists(folder.resolve("done").resolve(FILE)) && !Files.exists(folder.resolve(FILE)),
                "a file read to its end is moved to done/");
        // the run as the portal keeps it: who, where, how much to do
        assertEquals("DZFZ server PROV-HUNAN 5", CustomsLoad.query("select started_by || ' ' || instance_name || ' ' "
                + "|| authority_code || ' ' || total_licences from reconciliation_run where execution_id = ?",
                Long.parseLong(execution)));

        run(issuer);
        assertEquals(1, CustomsLoad.count("select count(*) from reconciliation_skipped_line where file_name = ? and "
                + "line_number = 6", FILE), "a file is read once: the next run finds the folder empty");
    }

    @Test
    @Order(7)
    @RunAsClient
    void theReportSaysWhatTheRunFoundAsPdfAndWorkbook() throws Exception {
        PortalClient issuer = Fixtures.signedIn("DZFZ", PASSWORD);
        String report = PortalClient.HTTPS + "/officer/reconciliation/report?date=" + yesterday() + "&format=";
        String scope = " from reconciliation_licence where business_date = ? and authority_code = 'PROV-HUNAN'";
        long licences = CustomsLoad.count("select count(*)" + scope, yesterday());
        long writtenOff = CustomsLoad.count("select count(*)" + scope + " and outcome = 'WRITTEN_OFF'", yesterday());
        long proposed = CustomsLoad.count("select count(*)" + scope + " and outcome = 'PROPOSED'", yesterday());
        List<String> anomalies = CustomsLoad.column("select licence_number || ' ' || anomaly_type from "
                + "reconciliation_anomaly where business_date = ? and authority_code = 'PROV-HUNAN' order by "
                + "licence_number, anomaly_type, declaration_number, line_number", yesterday());
        assertEquals(5, licences);
        assertEquals(5, anomalies.size(), anomalies.toString());

        HttpResponse<byte[]> pdf = issuer.getBytes(report + "pdf");
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        String text;
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        assertTrue(text.contains("核销对账报告") && text.contains("业务日期 " + yesterday()), text);
        assertTrue(text.contains("对账许可证 " + licences + " 份") && text.contains("自动核销 " + writtenOff + " 份")
                && text.contains("建议核销 " + proposed + " 份"), text);
        for (String anomaly : anomalies) {
            assertTrue(text.contains(anomaly.split(" ")[0]), "every anomaly listed: " + anomaly);
        }
        assertTrue(text.contains("超过允许报关次数") && text.contains("非许可证口岸报关"), text);

        HttpResponse<byte[]> xlsx = issuer.getBytes(report + "xlsx");
        assertEquals(200, xlsx.statusCode());
        try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            assertEquals(List.of("汇总", "异常", "许可证明细"), List.of(book.getSheetName(0), book.getSheetName(1),
                    book.getSheetName(2)), "the skipped lines are the system administrator's: no sheet for the issuer");
            XSSFSheet summary = book.getSheet("汇总");
            assertEquals(licences, (long) summary.getRow(2).getCell(1).getNumericCellValue());
            XSSFSheet sheet = book.getSheet("异常");
            List<String> listed = new ArrayList<>();
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                listed.add(sheet.getRow(i).getCell(0).getStringCellValue() + " " + type(sheet.getRow(i).getCell(1)
                        .getStringCellValue()));
            }
            assertEquals(anomalies, listed);
            XSSFSheet lines = book.getSheet("许可证明细");
            assertEquals(CustomsLoad.count("select count(*) from reconciliation_line x join reconciliation_licence r "
                    + "using (business_date, licence_id) where r.business_date = ? and r.authority_code = 'PROV-HUNAN'",
                    yesterday()), lines.getLastRowNum());
            String b = number("B");
            for (int i = 1; i <= lines.getLastRowNum(); i++) {
                if (lines.getRow(i).getCell(0).getStringCellValue().equals(b)) {
                    assertEquals(10.0, lines.getRow(i).getCell(4).getNumericCellValue(), "B used 10");
                    assertEquals(0.0, lines.getRow(i).getCell(5).getNumericCellValue(), "B has nothing left");
                    assertEquals("已自动核销", lines.getRow(i).getCell(8).getStringCellValue());
                }
            }
        }

        // another authority's report is out of the issuer's scope; a date that is none is a bad request
        assertEquals(404, issuer.getBytes(report + "pdf&authority=PROV-GUANGDONG").statusCode());
        assertEquals(1, CustomsLoad.count("select count(*) from audit_event where actor = 'DZFZ' and action = "
                + "'ACCESS_DENIED' and subject_type = 'reconciliation-report'"));
        assertEquals(400, issuer.getBytes(PortalClient.HTTPS + "/officer/reconciliation/report?date=2026-02-30"
                + "&format=pdf").statusCode());
        String page = issuer.get(PAGE).body();
        assertTrue(page.contains("/officer/reconciliation/report?date=" + yesterday()
                + "&amp;authority=PROV-HUNAN&amp;format=xlsx"), "the runs list links their reports");
    }

    /** The anomaly type named by its label, back to its code. */
    private static String type(String label) {
        return switch (label) {
            case "超过允许报关次数" -> "TOO_MANY_USES";
            case "非许可证口岸报关" -> "WRONG_PORT";
            case "超出溢装比例" -> "ABOVE_TOLERANCE";
            case "过期后使用" -> "AFTER_EXPIRY";
            case "非持证企业报关" -> "BY_ANOTHER_HOLDER";
            default -> label;
        };
    }

    // ---- helpers ----

    /** Starts the run for yesterday on the page and waits until the runs table says it completed. */
    private static String run(PortalClient issuer) throws Exception {
        issuer.get(PAGE);
        String started = issuer.submit(PAGE, "start", Map.of("start:date", yesterday().toString(), "start:run", ""))
                .body();
        String execution = PortalClient.find(started, "对账（执行号 (\\d+)）");
        for (int i = 0; i < 150; i++) {
            String status = PortalClient.find(issuer.get(PAGE).body(), "(?s)<td[^>]*>" + execution
                    + "</td>.*?class=\"run-status run-(\\w+)\"");
            if ("COMPLETED".equals(status)) {
                return execution;
            }
            assertTrue(!"FAILED".equals(status), "execution " + execution + " failed");
            Thread.sleep(200);
        }
        throw new AssertionError("execution " + execution + " did not complete");
    }

    private static String number(String name) throws Exception {
        return CustomsLoad.query("select licence_number from licence where application_id = ?",
                FIRST + List.of(CASES).indexOf(name));
    }

    /** Per case: used, remaining, uses and outcome of yesterday's reconciliation. */
    private static List<String> figures() throws Exception {
        List<String> rows = new ArrayList<>();
        for (String name : CASES) {
            rows.add(name + " " + CustomsLoad.query("select x.used || ' ' || x.remaining || ' ' || r.uses || ' ' || "
                    + "r.outcome from reconciliation_licence r join reconciliation_line x on x.licence_id = r.licence_id "
                    + "and x.business_date = r.business_date where r.licence_number = ? and r.business_date = ?",
                    number(name), yesterday()));
        }
        return rows;
    }

    /** Yesterday's anomalies of these cases, by licence (named by case), type, declaration, line. */
    private static List<String> anomalies() throws Exception {
        List<String> rows = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (String name : CASES) {
            numbers.add(number(name));
        }
        try (Connection c = CustomsLoad.database(); PreparedStatement s = c.prepareStatement("select licence_number, "
                + "anomaly_type, declaration_number, line_number from reconciliation_anomaly where business_date = ? "
                + "and (licence_number = any (?) or licence_number = '26ZZ000001') order by licence_number, anomaly_type")) {
            s.setObject(1, yesterday());
            s.setArray(2, c.createArrayOf("varchar", numbers.toArray()));
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    String number = row.getString(1);
                    String name = numbers.contains(number) ? CASES[numbers.indexOf(number)] : number;
                    rows.add(name + " " + row.getString(2) + " " + row.getString(3) + " " + row.getInt(4));
                }
            }
        }
        rows.sort(null);
        return rows;
    }

    private void usage(String name, String declaration, String port, String quantity, String cumulative,
            DeclarationState state) throws Exception {
        usage(name, declaration, port, quantity, cumulative, state, USCC);
    }

    private void usage(String name, String declaration, String port, String quantity, String cumulative,
            DeclarationState state, String declarant) throws Exception {
        String number = query("select licence_number from licence where application_id = "
                + (FIRST + List.of(CASES).indexOf(name)));
        CustomsQueues.send(connectionFactory, usage, CustomsXml.write(new Usage(UUID.randomUUID(), DeploymentName.id(),
                declaration, number, port, yesterday(), state, List.of(new UsageLine(1, new BigDecimal(quantity),
                        new BigDecimal(cumulative))), declarant)));
    }

    private int count(String sql) throws Exception {
        return Integer.parseInt(query(sql));
    }

    private String query(String sql) throws Exception {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(sql);
                ResultSet row = s.executeQuery()) {
            assertTrue(row.next(), sql);
            return row.getString(1);
        }
    }
}
