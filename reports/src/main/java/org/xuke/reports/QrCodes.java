package org.xuke.reports;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** QR codes for printed documents: black modules on white, medium error correction, greyscale JPEG at full quality. */
public final class QrCodes {

    private QrCodes() {
    }

    /** Pixels per module: sharp when printed at the form's 70 pt without resampling artefacts. */
    private static final int MODULE_PIXELS = 4;

    /**
     * A QR code of {@code text} as a small image ({@value #MODULE_PIXELS} pixels a module at least,
     * a quiet zone of 2 modules): small images keep a licence fast to render, the PDF scales it to
     * the box. {@code pixels} is the smallest size wanted.
     */
    public static byte[] jpeg(String text, int pixels) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2,
                            EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name()));
            int scale = Math.max(MODULE_PIXELS, (pixels + matrix.getWidth() - 1) / matrix.getWidth());
            int size = matrix.getWidth() * scale;
            BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
            java.awt.image.WritableRaster raster = image.getRaster();
            int[] white = new int[scale * scale];
            java.util.Arrays.fill(white, 255);
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    if (!matrix.get(x, y)) {
                        raster.setPixels(x * scale, y * scale, scale, scale, white);
                    }
                }
            }
            return Jpeg.encode(image, 1.0f);
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode a QR code for " + text, e);
        }
    }
}
