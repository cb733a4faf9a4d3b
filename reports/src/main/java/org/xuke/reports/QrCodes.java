package org.xuke.reports;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/** QR codes for printed documents: black modules on white, medium error correction, greyscale JPEG at full quality. */
public final class QrCodes {

    private QrCodes() {
    }

    /** Pixels per module: sharp when printed at the form's 70 pt without resampling artefacts. */
    private static final int MODULE_PIXELS = 4;

    /** The eight QR mask patterns; the writer's choice (by the standard's penalty score) comes first. */
    private static final int MASKS = 8;

    /**
     * A QR code of {@code text} as a small image ({@value #MODULE_PIXELS} pixels a module at least,
     * a quiet zone of 2 modules): small images keep a licence fast to render, the PDF scales it to
     * the box. {@code pixels} is the smallest size wanted.
     *
     * <p>About one code in a hundred under the standard's mask choice is not found by ZXing's
     * detector (the most common open decoder, in many phone apps), because its data happens to
     * draw finder-like patterns. Such a code is drawn again under the other masks until one reads.
     */
    public static byte[] jpeg(String text, int pixels) {
        BufferedImage image = image(text, pixels, null);
        for (int mask = 0; mask < MASKS && !readable(image, text); mask++) {
            image = image(text, pixels, mask);
        }
        return Jpeg.encode(image, 1.0f);
    }

    static BufferedImage image(String text, int pixels, Integer mask) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, 2);
        hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        if (mask != null) {
            hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
        }
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode a QR code for " + text, e);
        }
        int scale = Math.max(MODULE_PIXELS, (pixels + matrix.getWidth() - 1) / matrix.getWidth());
        int size = matrix.getWidth() * scale;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = image.getRaster();
        int[] white = new int[scale * scale];
        Arrays.fill(white, 255);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (!matrix.get(x, y)) {
                    raster.setPixels(x * scale, y * scale, scale, scale, white);
                }
            }
        }
        return image;
    }

    /** Whether ZXing's general detector (not its pure-barcode shortcut) reads {@code text} back. */
    static boolean readable(BufferedImage image, String text) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        try {
            return text.equals(new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(width, height, pixels))), Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
                    .getText());
        } catch (ReaderException e) {
            return false;
        }
    }
}
