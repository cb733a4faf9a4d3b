package org.xuke.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The image of an issuing authority's electronic seal (电子印章): a red ring with the authority's
 * name along the top, a five-pointed star and the seal's purpose below, as on the paper stamp.
 * Drawn from the name with the embedded CJK font, so every authority has one without artwork; a
 * bureau with an approved seal image can replace it. The image only shows; the digital signature
 * of the document is what proves.
 */
public final class SealImages {

    private static final int SIZE = 320;
    private static final Color SEAL_RED = new Color(0xD0, 0x10, 0x10);
    private static final Map<String, byte[]> CACHE = new ConcurrentHashMap<>();
    private static volatile Font font;

    private SealImages() {
    }

    /**
     * JPEG (white background, see {@link Jpeg}) of the seal of {@code authorityName} with
     * {@code purpose} below the star.
     */
    public static byte[] jpeg(String authorityName, String purpose) {
        return CACHE.computeIfAbsent(authorityName + "\u0000" + purpose, k -> draw(authorityName, purpose)).clone();
    }

    private static byte[] draw(String name, String purpose) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, SIZE, SIZE);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(SEAL_RED);
            double c = SIZE / 2.0;
            g.setStroke(new BasicStroke(9f));
            g.drawOval(6, 6, SIZE - 12, SIZE - 12);
            g.fill(star(c, c, 46, 18));
            arcText(g, name, c, c, 112);
            Font small = cjk().deriveFont(Font.PLAIN, 28f);
            g.setFont(small);
            int width = g.getFontMetrics().stringWidth(purpose);
            g.drawString(purpose, (float) (c - width / 2.0), (float) (c + 96));
        } finally {
            g.dispose();
        }
        return Jpeg.encode(image, 0.92f);
    }

    /** The name spread over the upper 240 degrees of the ring, each character upright to the centre. */
    private static void arcText(Graphics2D g, String text, double cx, double cy, double radius) {
        int[] chars = text.codePoints().toArray();
        if (chars.length == 0) {
            return;
        }
        float size = chars.length > 14 ? 30f * 14 / chars.length : 34f;
        g.setFont(cjk().deriveFont(Font.PLAIN, size));
        double span = Math.toRadians(Math.min(240, 20.0 * chars.length));
        double start = -Math.PI / 2 - span / 2;
        double step = chars.length == 1 ? 0 : span / (chars.length - 1);
        AffineTransform saved = g.getTransform();
        for (int i = 0; i < chars.length; i++) {
            double angle = start + step * i;
            String ch = new String(Character.toChars(chars[i]));
            int w = g.getFontMetrics().stringWidth(ch);
            g.setTransform(saved);
            g.translate(cx + radius * Math.cos(angle), cy + radius * Math.sin(angle));
            g.rotate(angle + Math.PI / 2);
            g.drawString(ch, -w / 2f, size / 2.6f);
        }
        g.setTransform(saved);
    }

    private static Path2D star(double cx, double cy, double outer, double inner) {
        Path2D path = new Path2D.Double();
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? outer : inner;
            double a = -Math.PI / 2 + i * Math.PI / 5;
            double x = cx + r * Math.cos(a);
            double y = cy + r * Math.sin(a);
            if (i == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        path.closePath();
        return path;
    }

    private static Font cjk() {
        Font loaded = font;
        if (loaded == null) {
            synchronized (SealImages.class) {
                if (font == null) {
                    try (InputStream in = SealImages.class.getResourceAsStream("fonts/NotoSerifCJKsc-Regular.otf")) {
                        font = Font.createFont(Font.TRUETYPE_FONT, in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (FontFormatException e) {
                        throw new IllegalStateException("The embedded CJK font does not load", e);
                    }
                }
                loaded = font;
            }
        }
        return loaded;
    }
}
