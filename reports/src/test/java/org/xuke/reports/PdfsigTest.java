package org.xuke.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The licence's PDF signature as a common tool sees it: poppler's {@code pdfsig} (Debian
 * poppler-utils, installed by .ci/run) reports it valid, and a digest mismatch once a byte changes.
 * Skipped, saying so, where pdfsig is not installed.
 */
class PdfsigTest {

    private static final Path PDFSIG = Path.of("/usr/bin/pdfsig");

    @Test
    void pdfsigChecksTheSignature() throws Exception {
        assumeTrue(Files.isExecutable(PDFSIG), "pdfsig (poppler-utils) is not installed: .ci/run installs it");
        TestDocuments.Signer signer = TestDocuments.signer();
        byte[] signed = PdfSignatures.sign(ReportRenderer.pdf("export-licence", TestDocuments.licence("26LN000125")),
                signer.keys().getPrivate(), List.of(signer.certificate(), signer.root()),
                new PdfSignatures.SignerInfo("辽宁省商务厅", "沈阳", "出口许可证 26LN000125", Instant.now()));
        Path file = Files.createTempFile("licence-", ".pdf");
        Path tamperedFile = Files.createTempFile("licence-tampered-", ".pdf");
        try {
            Files.write(file, signed);
            String report = pdfsig(file);
            assertThat(report).contains("Signature Validation: Signature is Valid.", "Total document signed",
                    "辽宁省商务厅许可证专用章");
            byte[] tampered = signed.clone();
            int at = new String(signed, StandardCharsets.ISO_8859_1).indexOf("/Producer");
            tampered[at + 2] ^= 1;
            Files.write(tamperedFile, tampered);
            assertThat(pdfsig(tamperedFile)).contains("Digest Mismatch").doesNotContain("Signature is Valid");
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(tamperedFile);
        }
    }

    private static String pdfsig(Path pdf) throws Exception {
        Process process = new ProcessBuilder(PDFSIG.toString(), pdf.toString()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return out;
    }
}
