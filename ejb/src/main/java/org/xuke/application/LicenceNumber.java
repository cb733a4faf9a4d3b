package org.xuke.application;

import java.io.Serializable;
import java.util.regex.Pattern;
import org.xuke.platform.DomainRuleException;

/**
 * 许可证号: 2-digit year + 2-character authority code + 6-digit sequence, e.g. {@code 20AB802677}.
 * One gap-free sequence per authority and year.
 */
public final class LicenceNumber implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Pattern FORMAT = Pattern.compile("\\d{2}[A-Z0-9]{2}\\d{6}");
    private static final Pattern AUTHORITY = Pattern.compile("[A-Z0-9]{2}");

    private final String value;

    private LicenceNumber(String value) {
        this.value = value;
    }

    public static LicenceNumber of(int year, String authorityCode, long sequence) {
        if (authorityCode == null || !AUTHORITY.matcher(authorityCode).matches()) {
            throw new DomainRuleException("licence.authorityCode", String.valueOf(authorityCode));
        }
        if (sequence < 1 || sequence > 999_999) {
            throw new DomainRuleException("licence.sequenceExhausted", authorityCode, String.valueOf(year));
        }
        return new LicenceNumber(String.format("%02d%s%06d", Math.floorMod(year, 100), authorityCode, sequence));
    }

    public static LicenceNumber parse(String text) {
        String candidate = text == null ? "" : text.strip().toUpperCase(java.util.Locale.ROOT);
        if (!FORMAT.matcher(candidate).matches()) {
            throw new DomainRuleException("licence.numberFormat", String.valueOf(text));
        }
        return new LicenceNumber(candidate);
    }

    public String authorityCode() {
        return value.substring(2, 4);
    }

    public int sequence() {
        return Integer.parseInt(value.substring(4));
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LicenceNumber that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
