package org.xuke.identity.ekey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ScanCheckTest {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D};
    private static final byte[] PDF = "%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void scansAreRecognisedByContent() {
        assertThat(ScanCheck.check("营业执照.JPG", JPEG)).isEqualTo(ScanCheck.ScanType.JPEG);
        assertThat(ScanCheck.check("确认函.png", PNG)).isEqualTo(ScanCheck.ScanType.PNG);
        assertThat(ScanCheck.check("申请表.pdf", PDF)).isEqualTo(ScanCheck.ScanType.PDF);
    }

    @Test
    void aFakeTypedFileIsRefused() {
        byte[] executable = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
        assertThatThrownBy(() -> ScanCheck.check("licence.jpg", executable)).extracting("key").isEqualTo("scan.type");
        assertThatThrownBy(() -> ScanCheck.check("licence.jpg", "<html>".getBytes(StandardCharsets.UTF_8)))
                .extracting("key").isEqualTo("scan.type");
        assertThatThrownBy(() -> ScanCheck.check("scan.jpg", PDF)).extracting("key").isEqualTo("scan.mismatch");
    }

    @Test
    void oneMegabyteOrMoreIsRefusedAndJustUnderIsAccepted() {
        byte[] big = Arrays.copyOf(JPEG, 1024 * 1024);
        assertThatThrownBy(() -> ScanCheck.check("big.jpg", big)).extracting("key").isEqualTo("scan.tooLarge");
        assertThat(ScanCheck.check("ok.jpg", Arrays.copyOf(JPEG, 1024 * 1024 - 1))).isEqualTo(ScanCheck.ScanType.JPEG);
        assertThatThrownBy(() -> ScanCheck.check("empty.jpg", new byte[0])).extracting("key").isEqualTo("scan.empty");
    }
}
