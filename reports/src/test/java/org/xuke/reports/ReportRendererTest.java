package org.xuke.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * The e-key forms render from the build-time templates: the Chinese text (rare characters too)
 * extracts exactly, and every font is embedded. A page image is kept in target/ to look at.
 */
class ReportRendererTest {

    private static final String RARE_NAME = "沈阳𠮷堃喆昇镕进出口有限公司";

    private static Map<String, String> application() {
        return Map.ofEntries(Map.entry("number", "EK2026000123"), Map.entry("date", "2026-11-24"),
                Map.entry("typeBoxes", "■首次申领 □补办 □增办 □更新 □解锁 □信息变更 □注销"),
                Map.entry("enterpriseName", RARE_NAME), Map.entry("uscc", "91210102MA0XUKE04B"),
                Map.entry("enterpriseCode", "2101020000001"), Map.entry("address", "辽宁省沈阳市和平区演示路 1 号"),
                Map.entry("authority", "辽宁省商务厅"), Map.entry("filingNumber", "01990001"),
                Map.entry("contact", "王联系 024-00000000"), Map.entry("username", "LIANG"),
                Map.entry("applicant", "梁经办 024-88886666"), Map.entry("reason", ""), Map.entry("newUscc", ""));
    }

    @Test
    void theApplicationFormCarriesItsChineseTextWithEmbeddedFonts() throws Exception {
        byte[] pdf = ReportRenderer.pdf("ekey-application", application());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("进出口企业电子钥匙与电子认证证书办理申请表", RARE_NAME, "91210102MA0XUKE04B",
                    "EK2026000123", "■首次申领", "辽宁省商务厅", "企业（盖章）");
            assertThat(fonts(document)).isNotEmpty().allMatch(PDFont::isEmbedded);
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 100);
            File image = new File("target/ekey-application.png");
            ImageIO.write(page, "png", image);
            assertThat(image).isNotEmpty();
        }
    }

    @Test
    void theSealConfirmationLetterNamesTheCompanyAndTheUser() throws Exception {
        byte[] pdf = ReportRenderer.pdf("ekey-seal-letter", Map.of("number", "EK2026000123", "date", "2026-11-24",
                "enterpriseName", RARE_NAME, "uscc", "91210102MA0XUKE04B", "username", "LIANG", "applicantName", "梁经办"));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            assertThat(text).contains("电子签章申请确认函", RARE_NAME, "91210102MA0XUKE04B", "LIANG", "同等效力");
            assertThat(fonts(document)).isNotEmpty().allMatch(PDFont::isEmbedded);
        }
    }

    private static List<PDFont> fonts(PDDocument document) throws Exception {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : document.getPages()) {
            for (COSName name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
        }
        return fonts;
    }
}
