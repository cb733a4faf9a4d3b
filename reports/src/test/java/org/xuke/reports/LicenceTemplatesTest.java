package org.xuke.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The printed licence and application form: Chinese text (rare characters included) extracts
 * exactly from embedded fonts, the QR code decodes to the verification URL, the PDF signature
 * verifies and fails once a byte changes, and a batch streams one document at a time. Page images
 * are kept in target/ for a person to look at.
 */
class LicenceTemplatesTest {

    @Test
    void theLicenceShowsItsBoxesAndItsHolderWithEmbeddedFonts() throws Exception {
        byte[] pdf = ReportRenderer.pdf("export-licence", TestDocuments.licence("26LN000123"));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("中华人民共和国出口许可证", "EXPORT LICENCE OF THE PEOPLE'S REPUBLIC OF CHINA",
                    TestDocuments.RARE_NAME, "91210102MA0XUKE04B", "26LN000123", "仲钨酸铵", "2841801000", "APT 88.5%",
                    "1,500.000", "非一批一证", "辽宁省商务厅", "证书序列号：1a2b3c", "2026-11-29");
            for (String box : List.of("1. 出口商 Exporter", "2. 发货人 Consignor", "3. 出口许可证号", "4. 出口许可证有效截止日期",
                    "5. 贸易方式", "6. 合同号", "7. 报关口岸", "8. 进口国（地区）", "9. 支付方式", "10. 运输方式",
                    "11. 商品名称", "12. 规格、等级", "13. 单位", "14. 数量", "15. 单价", "16. 总值", "17. 总值折美元",
                    "18. 总计", "19. 备注", "20. 发证机关签章", "21. 发证日期")) {
                assertThat(text).as("box %s", box).contains(box);
            }
            assertThat(fonts(document)).isNotEmpty().allMatch(PDFont::isEmbedded);
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150);
            ImageIO.write(page, "png", new File("target/export-licence.png"));
            assertThat(decodeQr(page)).isEqualTo(TestDocuments.VERIFY_URL);
        }
    }

    @Test
    void aSignedLicenceVerifiesAndFailsOnceAByteChanges() throws Exception {
        TestDocuments.Signer signer = TestDocuments.signer();
        byte[] pdf = ReportRenderer.pdf("export-licence", TestDocuments.licence("26LN000124"));
        Instant at = Instant.parse("2026-11-29T02:00:00Z");
        byte[] signed = PdfSignatures.sign(pdf, signer.keys().getPrivate(),
                List.of(signer.certificate(), signer.root()),
                new PdfSignatures.SignerInfo("辽宁省商务厅", "沈阳", "出口许可证 26LN000124", at));
        Files.write(Path.of("target/export-licence-signed.pdf"), signed);

        PdfSignatures.Check check = PdfSignatures.verify(signed, List.of(signer.root()));
        assertThat(check.valid()).as(check.problem()).isTrue();
        assertThat(check.serialHex()).isEqualTo(signer.certificate().getSerialNumber().toString(16));
        assertThat(check.signer()).contains("LN");

        // one byte inside the signed range (the document information's /Producer key)
        byte[] tampered = signed.clone();
        int inside = indexOf(tampered, "/Producer".getBytes());
        assertThat(inside).isPositive();
        tampered[inside + 1] = (byte) (tampered[inside + 1] ^ 0x01);
        PdfSignatures.Check broken = PdfSignatures.verify(tampered, List.of(signer.root()));
        assertThat(broken.valid()).isFalse();

        byte[] appended = java.util.Arrays.copyOf(signed, signed.length + 9);
        System.arraycopy("\n%hello\n".getBytes(), 0, appended, signed.length, 8);
        assertThat(PdfSignatures.verify(appended, List.of(signer.root())).coversWholeDocument()).isFalse();

        TestDocuments.Signer stranger = TestDocuments.signer();
        PdfSignatures.Check untrusted = PdfSignatures.verify(signed, List.of(stranger.root()));
        assertThat(untrusted.intact()).isTrue();
        assertThat(untrusted.trusted()).isFalse();
        assertThat(PdfSignatures.verify(pdf, List.of(signer.root())).signed()).isFalse();
    }

    @Test
    void theApplicationFormCarriesTheEnterpriseSealStatementAndOpinions() throws Exception {
        Map<String, Object> p = new HashMap<>(TestDocuments.licence("x").parameters());
        p.put("applicationNumber", "262101020000001000001");
        p.put("approvalNumber", null);
        p.put("submittedDate", "2026-11-20");
        p.put("sealStatement", "已由 LIANG 以电子签章盖章\n证书序列号：abc123");
        p.put("opinions", "2026-11-21 初审 退回：合同号有误\n2026-11-23 复审 通过：同意");
        byte[] pdf = ReportRenderer.pdf("export-application", new ReportData(p, TestDocuments.licence("x").rows()));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("中华人民共和国出口许可证申请表", "262101020000001000001", TestDocuments.RARE_NAME,
                    "20. 申请单位盖章", "已由 LIANG 以电子签章盖章", "合同号有误", "批复单号 / 证明书编号：无", "21. 申请日期");
            assertThat(fonts(document)).allMatch(PDFont::isEmbedded);
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 100), "png",
                    new File("target/export-application.png"));
        }
    }

    @Test
    void theDualUseLicenceNamesEndUserAndEndUse() throws Exception {
        Map<String, Object> p = new HashMap<>(TestDocuments.licence("x").parameters());
        p.put("licenceNumber", "26AAX00001");
        p.put("endUser", "首尔某大学材料实验室");
        p.put("endUse", "科研用途，不转让");
        p.put("controlCode", "1C004");
        byte[] pdf = ReportRenderer.pdf("dualuse-licence", new ReportData(p, TestDocuments.licence("x").rows()));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("中华人民共和国两用物项和技术出口许可证", "9. 最终用户 End user", "首尔某大学材料实验室",
                    "10. 最终用途 End use", "科研用途，不转让", "2841801000 / 1C004", TestDocuments.RARE_NAME);
            assertThat(fonts(document)).allMatch(PDFont::isEmbedded);
            assertThat(decodeQr(new PDFRenderer(document).renderImageWithDPI(0, 150))).isEqualTo(TestDocuments.VERIFY_URL);
        }
    }

    @Test
    void aBatchIsFilledOneDocumentAtATimeIntoOnePdf() throws Exception {
        AtomicInteger fills = new AtomicInteger();
        List<Integer> asked = new ArrayList<>();
        List<Integer> progress = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportRenderer.pdfBatch("export-licence", 25, i -> {
            fills.incrementAndGet();
            asked.add(i);
            Map<String, Object> p = new HashMap<>(TestDocuments.licence("x").parameters());
            p.put("licenceNumber", String.format("26LN%06d", i + 1));
            p.put("copyLabel", "第 " + (i + 1) + " 份");
            return new ReportData(p, TestDocuments.licence("x").rows());
        }, out, progress::add);
        assertThat(fills).hasValue(25);
        assertThat(asked).isSorted().doesNotHaveDuplicates();
        assertThat(progress).last().isEqualTo(25);
        try (PDDocument document = Loader.loadPDF(out.toByteArray())) {
            assertThat(document.getNumberOfPages()).isEqualTo(25);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(25);
            stripper.setEndPage(25);
            assertThat(stripper.getText(document)).contains("26LN000025", "第 25 份");
        }
    }

    static String decodeQr(BufferedImage image) throws Exception {
        // the QR code is printed in the top right corner; decoding the corner avoids the form's lines
        BufferedImage corner = image.getSubimage(image.getWidth() * 3 / 4, 0, image.getWidth() / 4,
                image.getHeight() / 6);
        int[] cornerPixels = corner.getRGB(0, 0, corner.getWidth(), corner.getHeight(), null, 0, corner.getWidth());
        var source = new RGBLuminanceSource(corner.getWidth(), corner.getHeight(), cornerPixels);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
                Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }

    static List<PDFont> fonts(PDDocument document) throws Exception {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : document.getPages()) {
            for (COSName name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
        }
        return fonts;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
