package org.xuke.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Every printed QR code reads with ZXing's general detector, the one many phone apps use. */
class QrCodesTest {

    private static final String BASE = "https://127.0.0.1:8181/public/verify.xhtml?n=";

    /** Found by rendering 500 licences: under the standard's mask choice ZXing cannot find these. */
    private static final List<String> UNLUCKY = List.of("26JL000137&c=Q2WYYEDW", "26JL000230&c=TPJZ6UK5",
            "26JL000260&c=3U5Z7JU5", "26JL000410&c=F4LZENGE", "26JL000470&c=7QHHD36W");

    @Test
    void codesTheDetectorMissesUnderTheStandardMaskAreDrawnUnderOneItReads() throws Exception {
        for (String tail : UNLUCKY) {
            String url = BASE + tail;
            assertThat(QrCodes.readable(QrCodes.image(url, 240, null), url)).as("unlucky %s", tail).isFalse();
            assertThat(QrCodes.readable(read(QrCodes.jpeg(url, 240)), url)).as("printed %s", tail).isTrue();
        }
    }

    @Test
    void randomVerificationAddressesAllRead() throws Exception {
        String alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
        Random random = new Random(20261205);
        for (int i = 0; i < 150; i++) {
            StringBuilder code = new StringBuilder();
            for (int k = 0; k < 8; k++) {
                code.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String url = BASE + "26LN%06d&c=%s".formatted(i + 1, code);
            assertThat(QrCodes.readable(read(QrCodes.jpeg(url, 240)), url)).as(url).isTrue();
        }
    }

    private static BufferedImage read(byte[] jpeg) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(jpeg));
    }
}
