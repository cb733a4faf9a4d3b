package org.xuke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.sql.DataSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
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
import org.xuke.enterprise.EnterpriseDetails;
import org.xuke.enterprise.EnterpriseService;
import org.xuke.account.AccountService;
import org.xuke.identity.CertificateService;
import org.xuke.account.Role;
import org.xuke.reports.PdfSignatures;

/**
 * Printing over HTTPS and verification over HTTP: an issued licence downloads as a PDF with the
 * holder's Chinese name, a QR code holding its verification address and the authority's PDF
 * signature; another company gets 404; the application form prints and moves to 已打印申请表;
 * an officer prints paper copies in the background (copy 1, then a reprint marked as such); the
 * public page answers for valid, unknown, wrong-code and tampered licences, and limits its rate.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrintingIT {

    private static final String PASSWORD = "Xk-2026-printing-5";
    private static final String COMPANY = "吉林𠮷堃喆昇镕出口测试公司";
    private static final String FORM = PortalClient.HTTPS + "/enterprise/application.xhtml";
    private static final String DECIDE = PortalClient.HTTPS + "/officer/application.xhtml?id=";
    private static final String OFFICER_LICENCES = PortalClient.HTTPS + "/officer/licences.xhtml";
    private static final String VERIFY = PortalClient.HTTP + "/public/verify.xhtml";

    /** Shared between the ordered client-side steps of this class. */
    private static String licence;
    private static String applicationId;
    private static String verifyUrl;
    private static long freshApplication;
    private static List<String> listed;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(PrintingIT.class);
    }

    @Inject
    AccountService accounts;

    @Inject
    CertificateService certificates;

    @Inject
    EnterpriseService enterprises;

    @Resource(lookup = "jdbc/xuke")
    DataSource database;

    @BeforeAll
    static void makePeople() throws Exception {
        Fixtures.people(PrintingIT.class);
    }

    @People
    void enterprisesAndOfficers() throws Exception {
        long company = enterprises.register("IT", "91220101MA0XUKE12U", "PROV-JILIN", new EnterpriseDetails(
                COMPANY, "2201010000120", "长春", "联系人", "0431-1", null)).getId();
        long other = enterprises.register("IT", "91220101MA0XUKE13Y", "PROV-JILIN", new EnterpriseDetails(
                "吉林另一家打印测试公司", "2201010000130", "长春", "联系人", "0431-2", null)).getId();
        Fixtures.enterpriseUser(accounts, certificates, company, "DYJB", PASSWORD, true);
        Fixtures.enterpriseUser(accounts, certificates, other, "DYQT", PASSWORD, true);
        Fixtures.officer(accounts, certificates, "PROV-JILIN", "DYCS", PASSWORD, Set.of(Role.INITIAL_REVIEWER));
        Fixtures.officer(accounts, certificates, "PROV-JILIN", "DYFS", PASSWORD, Set.of(Role.SECOND_REVIEWER));
        Fixtures.officer(accounts, certificates, "PROV-JILIN", "DYFZ", PASSWORD, Set.of(Role.ISSUER));
        Fixtures.officer(accounts, certificates, "PROV-JILIN", "DYJG", PASSWORD, Set.of(Role.AUTHORITY_ADMIN));
    }

    private static PortalClient signedIn(String username) throws Exception {
        return Fixtures.signedIn(username, PASSWORD);
    }

    @Test
    @Order(2)
    @RunAsClient
    void anIssuedLicenceDownloadsSignedWithItsQrCode() throws Exception {
        PortalClient enterprise = signedIn("DYJB");
        long id = approved(enterprise, "HT-PRINT-01");
        applicationId = String.valueOf(id);
        String number = number(enterprise, id);
        assertEquals(403, enterprise.getBytes(PortalClient.HTTPS + "/officer/documents/application/" + id + ".pdf")
                .statusCode(), "the officer portal's documents are not for enterprises");

        Fixtures.licenceNumberCode("DYJG", PASSWORD, "JL");
        PortalClient issuer = signedIn("DYFZ");
        issuer.get(DECIDE + id);
        licence = PortalClient.find(issuer.submit(DECIDE + id, "decision", Map.of("decision:issue", "")).body(),
                "id=\"licence-number\">(26JL\\d{6})<");

        String record = enterprise.get(FORM + "?id=" + id).body();
        assertTrue(record.contains("/enterprise/documents/licence/" + licence + ".pdf"), "the record offers the PDF");
        HttpResponse<byte[]> download = enterprise.getBytes(PortalClient.HTTPS + "/enterprise/documents/licence/"
                + licence + ".pdf");
        assertEquals(200, download.statusCode());
        assertEquals("application/pdf", download.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        byte[] pdf = download.body();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains(licence) && text.contains(COMPANY) && text.contains("2201010000120")
                    && text.contains("中华人民共和国出口许可证") && text.contains("电子许可证"), text);
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150);
            Path shots = Path.of("target", "printing");
            Files.createDirectories(shots);
            ImageIO.write(page, "png", shots.resolve("licence-" + licence + ".png").toFile());
            verifyUrl = decodeQr(page);
        }
        assertTrue(verifyUrl.startsWith(PortalClient.HTTPS + "/public/verify.xhtml?n=" + licence + "&c="),
                verifyUrl);

        // a forged Host header changes nothing in the signed licence: the address is configuration
        HttpResponse<byte[]> forged = enterprise.getBytesWithHost(PortalClient.HTTPS + "/enterprise/documents/licence/"
                + licence + ".pdf", "evil.example");
        assertEquals(200, forged.statusCode());
        try (PDDocument document = Loader.loadPDF(forged.body())) {
            String text = new PDFTextStripper().getText(document);
            assertFalse(text.contains("evil.example"), text);
            assertEquals(verifyUrl, decodeQr(new PDFRenderer(document).renderImageWithDPI(0, 150)));
        }

        PdfSignatures.Check check = PdfSignatures.verify(pdf, List.of(root()));
        assertTrue(check.valid(), String.valueOf(check));
        assertTrue(check.signer().contains("PROV-JILIN"), check.signer());
        byte[] tampered = pdf.clone();
        int at = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("/Producer");
        tampered[at + 2] ^= 1;
        assertFalse(PdfSignatures.verify(tampered, List.of(root())).valid(), "a changed byte breaks the signature");

        assertEquals(404, signedIn("DYQT").getBytes(PortalClient.HTTPS + "/enterprise/documents/licence/" + licence
                + ".pdf").statusCode(), "another company's licence is not found");
        assertEquals(404, enterprise.getBytes(PortalClient.HTTPS + "/enterprise/documents/licence/26JL999999.pdf")
                .statusCode());

        HttpResponse<byte[]> form = enterprise.getBytes(PortalClient.HTTPS + "/enterprise/documents/application/"
                + id + ".pdf");
        assertEquals(200, form.statusCode());
        try (PDDocument document = Loader.loadPDF(form.body())) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("中华人民共和国出口许可证申请表") && text.contains(number) && text.contains("DYJB"), text);
        }
        assertTrue(enterprise.get(PortalClient.HTTPS + "/enterprise/applications.xhtml?list=PRINT").body()
                .contains("已复审通过或已发证的申请表"), "the print list says which forms it holds");
        String printed = enterprise.get(PortalClient.HTTPS + "/enterprise/applications.xhtml?list=PRINTED").body();
        assertTrue(printed.contains(number), "printing the form moves it to 已打印申请表");
        assertFalse(enterprise.get(PortalClient.HTTPS + "/enterprise/applications.xhtml?list=PRINT").body()
                .contains(number), "and out of 打印申请表");
    }

    @Test
    @Order(3)
    @RunAsClient
    void anOfficerPrintsPaperCopiesAndAReprintSaysSo() throws Exception {
        PortalClient issuer = signedIn("DYFZ");
        byte[] first = printPaper(issuer);
        byte[] second = printPaper(issuer);
        try (PDDocument one = Loader.loadPDF(first); PDDocument two = Loader.loadPDF(second)) {
            String a = new PDFTextStripper().getText(one);
            String b = new PDFTextStripper().getText(two);
            assertTrue(a.contains("纸质许可证 第 1 份") && !a.contains("重印"), a);
            assertTrue(b.contains("纸质许可证 第 2 份") && b.contains("重印 REPRINT"), b);
            assertTrue(b.contains(licence) && b.contains(COMPANY));
        }
        PortalClient company = signedIn("DYJB");
        // a first batch print from 打印申请表: no reprint mark, and the form moves to 已打印申请表
        long fresh = approved(company, "HT-PRINT-02");
        freshApplication = fresh;
        String freshNumber = number(company, fresh);
        String printList = PortalClient.HTTPS + "/enterprise/applications.xhtml?list=PRINT";
        assertTrue(company.get(printList).body().contains(freshNumber));
        company.submit(printList, "apps", Map.of("apps:applications_selection", String.valueOf(fresh),
                "apps:printSelected", ""));
        try (PDDocument document = Loader.loadPDF(followJob(company, printList, "apps", Map.of("apps:find", "")))) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains(freshNumber) && !text.contains("重印"), text);
        }
        assertTrue(company.get(PortalClient.HTTPS + "/enterprise/applications.xhtml?list=PRINTED").body()
                .contains(freshNumber), "printed once: now under 已打印申请表");

        String printedList = PortalClient.HTTPS + "/enterprise/applications.xhtml?list=PRINTED";
        company.get(printedList);
        String started = company.submit(printedList, "apps", Map.of("apps:applications_selection", applicationId,
                "apps:printSelected", "")).body();
        assertTrue(started.contains("正在生成 1 份申请表的打印文件"), started);
        byte[] forms = followJob(company, printedList, "apps", Map.of("apps:find", ""));
        try (PDDocument document = Loader.loadPDF(forms)) {
            String text = new PDFTextStripper().getText(document);
            assertEquals(1, document.getNumberOfPages());
            assertTrue(text.contains("中华人民共和国出口许可证申请表") && text.contains("重印 REPRINT"), text);
        }

        String record = issuer.get(DECIDE + applicationId).body();
        assertTrue(record.contains("纸质许可证打印记录") && record.contains("2（重印）") && record.contains(">DYFZ<"),
                "who printed which copy when is on the record");
        PortalClient enterprise = signedIn("DYJB");
        assertEquals(404, enterprise.getBytes(PortalClient.HTTPS + "/enterprise/documents/batch/"
                + "00000000-0000-0000-0000-000000000000.pdf").statusCode());
    }

    /** An application of the company, submitted and passed by both reviewers: its form is printable. */
    private static long approved(PortalClient enterprise, String contract) throws Exception {
        long id = ExportApplicationIT.newApplication(enterprise, "8112921000", "25", contract);
        enterprise.submit(FORM + "?id=" + id, "actions", Map.of("actions:submit", ""));
        PortalClient initial = signedIn("DYCS");
        initial.get(DECIDE + id);
        initial.submit(DECIDE + id, "decision", Map.of("decision:passInitial", ""));
        PortalClient second = signedIn("DYFS");
        second.get(DECIDE + id);
        assertTrue(second.submit(DECIDE + id, "decision", Map.of("decision:passSecond", "")).body()
                .contains("复审通过"), "approved");
        return id;
    }

    private static String number(PortalClient enterprise, long id) throws Exception {
        return PortalClient.find(enterprise.get(FORM + "?id=" + id).body(), "id=\"application-number\">(\\d{21})<");
    }

    /** Ticks the licence, prints, follows the job until its file is ready and downloads it. */
    private static byte[] printPaper(PortalClient officer) throws Exception {
        officer.get(OFFICER_LICENCES + "?search=" + licence);
        String started = officer.submit(OFFICER_LICENCES, "licences", Map.of("licences:search", licence,
                "licences:list_selection", licence, "licences:printSelected", "")).body();
        assertTrue(started.contains("已登记 1 份纸质许可证"), started);
        return followJob(officer, OFFICER_LICENCES, "licences", Map.of("licences:search", licence, "licences:find", ""));
    }

    /** Reloads the page (a postback keeps the view's job) until the print file is offered; downloads it. */
    private static byte[] followJob(PortalClient user, String url, String form, Map<String, String> reload)
            throws Exception {
        String page = user.lastPage();
        for (int i = 0; i < 60 && !page.contains("id=\"batch-pdf\""); i++) {
            Thread.sleep(500);
            page = user.submit(url, form, reload).body();
        }
        String href = PortalClient.find(page, "id=\"batch-pdf\" href=\"([^\"]+)\"");
        HttpResponse<byte[]> pdf = user.getBytes(PortalClient.HTTPS + href);
        assertEquals(200, pdf.statusCode());
        assertEquals(404, signedIn(href.startsWith("/officer") ? "DYCS" : "DYQT").getBytes(PortalClient.HTTPS + href)
                .statusCode(), "only the user who printed downloads the print file");
        return pdf.body();
    }

    @Test
    @Order(4)
    @RunAsClient
    void thePublicPageAnswersForValidUnknownAndWrongCode() throws Exception {
        PortalClient anyone = PortalClient.withoutEkey();
        String query = verifyUrl.substring(verifyUrl.indexOf('?'));
        String valid = anyone.get(VERIFY + query).body();
        assertEquals("有效", PortalClient.find(valid, "id=\"standing\">([^<]+)<"));
        assertTrue(valid.contains("id=\"verdict\" class=\"xuke-valid-banner\""), "a valid licence is good news, not a warning");
        assertTrue(valid.contains(COMPANY) && valid.contains("8112921000") && valid.contains("验证通过"), valid);
        assertFalse(valid.contains("DYJB") || valid.contains("0431-1"), "no person behind the licence shows");
        assertFalse(valid.contains("O=") || valid.contains("CN=") || valid.contains("PROV-JILIN"),
                "the signer in words, not as a distinguished name: " + PortalClient.find(valid, "id=\"seal\">([^<]+)<"));
        String code = verifyUrl.replaceAll(".*c=", "");
        String lower = anyone.get(VERIFY + "?n=" + licence.toLowerCase() + "&c=" + code.toLowerCase()).body();
        assertTrue(lower.contains("id=\"standing\""), "case is forgiven");
        String wrong = anyone.get(VERIFY + "?n=" + licence + "&c=" + (code.startsWith("A") ? "B" : "A")
                + code.substring(1)).body();
        String unknown = anyone.get(VERIFY + "?n=26JL999999&c=" + code).body();
        for (String page : List.of(wrong, unknown)) {
            assertTrue(page.contains("未找到与该许可证号和验证码相符的许可证"), page);
            assertFalse(page.contains(COMPANY));
        }
        assertTrue(anyone.get(VERIFY + "?n=" + licence + "&c=").body().contains("请输入许可证号和验证码"));
    }

    @Test
    @Order(5)
    void tamperWithTheStoredLicence() throws Exception {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(
                "update licence set content = regexp_replace(content, '\"totalQuantity\":[0-9.]+', '\"totalQuantity\":2500') "
                        + "where licence_number like '26JL%'")) {
            assertEquals(1, s.executeUpdate(), "one licence of this authority");
        }
    }

    @Test
    @Order(6)
    @RunAsClient
    void aTamperedLicenceFailsItsSealAndTheRateIsLimited() throws Exception {
        PortalClient anyone = PortalClient.withoutEkey();
        String tampered = anyone.get(VERIFY + verifyUrl.substring(verifyUrl.indexOf('?'))).body();
        assertTrue(tampered.contains("验证未通过") && tampered.contains("2,500"), tampered);
        int limited = 0;
        String refusal = null;
        for (int i = 0; i < 40; i++) {
            HttpResponse<String> response = anyone.get(VERIFY + "?n=26JL999999&c=AAAAAAAA");
            if (response.statusCode() == 429) {
                limited++;
                refusal = response.body();
            }
        }
        assertTrue(limited > 0, "forty checks at once are limited");
        assertNotNull(refusal);
        assertTrue(refusal.contains("核验过于频繁"), refusal);
    }

    @Test
    @Order(7)
    @RunAsClient
    void twoMoreLicences() throws Exception {
        PortalClient issuer = signedIn("DYFZ");
        long third = approved(signedIn("DYJB"), "HT-PRINT-03");
        List<String> numbers = new java.util.ArrayList<>(List.of(licence));
        for (long id : new long[] {freshApplication, third}) {
            issuer.get(DECIDE + id);
            numbers.add(PortalClient.find(issuer.submit(DECIDE + id, "decision", Map.of("decision:issue", "")).body(),
                    "id=\"licence-number\">(26JL\\d{6})<"));
        }
        listed = numbers;
    }

    @Test
    @Order(8)
    void theNewestLicenceIssuedLongAgoAndExpired() throws Exception {
        // issued 40 days ago, valid until two days ago (two: whatever the time of day in UTC and in China)
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(
                "update licence set validity_end = current_date - 2, issued_at_utc = issued_at_utc - interval '40 days' "
                        + "where id = (select max(id) from licence where licence_number like '26JL%')")) {
            assertEquals(1, s.executeUpdate());
        }
    }

    @Test
    @Order(9)
    @RunAsClient
    void theLicenceListsSearchFilterAndSort() throws Exception {
        String first = listed.get(0);
        String second = listed.get(1);
        String expired = listed.get(2);
        String mine = PortalClient.HTTPS + "/enterprise/licences.xhtml";
        PortalClient enterprise = signedIn("DYJB");
        String all = enterprise.get(mine).body();
        assertEquals(List.of(second, first, expired), order(all, listed), "newest issue first");
        assertTrue(all.contains("standing-EXPIRED\">已过期") && all.contains("standing-VALID\">有效"), all);
        assertFalse(all.contains("licences:holder"), "the enterprise's list has no holder search");
        assertEquals(3, PortalClient.findAll(all, "class=\"licence-usd\">(312\\.50)<").size(),
                "金额(美元): 25 at 12.5 at a rate of 1, from each licence");

        assertEquals(List.of(expired), order(searched(enterprise, mine, "standing", "EXPIRED"), listed));
        assertEquals(List.of(second, first), order(searched(enterprise, mine, "standing", "VALID"), listed));
        assertEquals(List.of(second), order(searched(enterprise, mine, "search", second.substring(6)), listed),
                "part of the number");
        assertEquals(3, order(searched(enterprise, mine, "commodity", "8112"), listed).size());
        String none = searched(enterprise, mine, "commodity", "2709");
        assertTrue(none.contains("没有符合条件的记录") && order(none, listed).isEmpty(), "commodity code's start");
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        assertEquals(List.of(expired), order(enterprise.search(mine, "licences", Map.of("licences:from",
                today.minusDays(45).toString(), "licences:to", today.minusDays(35).toString())), listed),
                "issue date range");
        assertTrue(searched(enterprise, mine, "from", "2026-13-01").contains("日期格式应为 yyyy-MM-dd"));

        assertEquals(List.of(first, second, expired), order(sorted(enterprise, mine, "number", 1), listed));
        assertEquals(List.of(expired, second, first), order(sorted(enterprise, mine, "number", -1), listed));
        assertEquals(expired, order(sorted(enterprise, mine, "validityEnd", 1), listed).get(0), "validity end");

        String officers = PortalClient.HTTPS + "/officer/licences.xhtml";
        PortalClient officer = signedIn("DYCS");
        String theirs = officer.get(officers).body();
        assertEquals(List.of(second, first, expired), order(theirs, listed));
        assertTrue(theirs.contains(">" + COMPANY + "<"), "the officer's list names the holder");
        assertEquals(3, order(searched(officer, officers, "holder", "𠮷堃喆"), listed).size());
        assertTrue(order(searched(officer, officers, "holder", "另一家"), listed).isEmpty());
        assertEquals(List.of(first, second, expired), order(sorted(officer, officers, "number", 1), listed));

        String other = signedIn("DYQT").get(mine).body();
        assertTrue(order(other, listed).isEmpty(), "another company sees none of them");
    }

    /** The licences of {@code numbers} in the order a page lists them. */
    private static List<String> order(String page, List<String> numbers) {
        return numbers.stream().filter(n -> page.contains("class=\"licence-number\">" + n + "<"))
                .sorted(java.util.Comparator.comparingInt(n -> page.indexOf("class=\"licence-number\">" + n + "<")))
                .toList();
    }

    private static String searched(PortalClient user, String url, String field, String value) throws Exception {
        return user.search(url, "licences", Map.of("licences:" + field, value));
    }

    private static String sorted(PortalClient user, String url, String column, int direction) throws Exception {
        return user.sortBy(url, "licences", "licences:list:" + column, direction);
    }

    private static X509Certificate root() throws Exception {
        Path root = Path.of(System.getProperty("xuke.work"), "ca", "authority", "root.crt");
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(root)));
    }

    private static String decodeQr(BufferedImage page) throws Exception {
        BufferedImage corner = page.getSubimage(page.getWidth() * 3 / 4, 0, page.getWidth() / 4, page.getHeight() / 6);
        int[] pixels = corner.getRGB(0, 0, corner.getWidth(), corner.getHeight(), null, 0, corner.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(
                corner.getWidth(), corner.getHeight(), pixels))), Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
                .getText();
    }
}
