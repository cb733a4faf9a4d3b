package org.xuke.identity.ekey;

import java.util.Locale;
import org.xuke.platform.DomainRuleException;

/**
 * Uploaded scans of e-key request papers (seed 004: each file under 1 MB). The type is decided by
 * the file's first bytes, not by its name or the browser's word; a name that says otherwise is
 * refused too, so a renamed file cannot pass as a scan.
 */
public final class ScanCheck {

    public static final int MAX_BYTES = 1024 * 1024 - 1;

    /** What a scan may be. */
    public enum ScanType {
        JPEG("image/jpeg", "jpg", "jpeg"), PNG("image/png", "png"), PDF("application/pdf", "pdf");

        private final String contentType;
        private final String[] extensions;

        ScanType(String contentType, String... extensions) {
            this.contentType = contentType;
            this.extensions = extensions;
        }

        public String contentType() {
            return contentType;
        }

        boolean named(String extension) {
            for (String e : extensions) {
                if (e.equals(extension)) {
                    return true;
                }
            }
            return false;
        }
    }

    private ScanCheck() {
    }

    public static ScanType check(String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw new DomainRuleException("scan.empty");
        }
        if (content.length > MAX_BYTES) {
            throw new DomainRuleException("scan.tooLarge", String.valueOf(content.length / 1024));
        }
        ScanType type = sniff(content);
        if (type == null) {
            throw new DomainRuleException("scan.type");
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        if (!type.named(extension)) {
            throw new DomainRuleException("scan.mismatch", extension, type.name());
        }
        return type;
    }

    private static ScanType sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return ScanType.JPEG;
        }
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D
                && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return ScanType.PNG;
        }
        if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return ScanType.PDF;
        }
        return null;
    }
}
