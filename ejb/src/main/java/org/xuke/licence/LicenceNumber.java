package org.xuke.licence;

import java.io.Serializable;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xuke.platform.DomainRuleException;

/**
 * 许可证号: 10 characters, the 2-digit year, the issuing authority's code (2 to 4 capital
 * letters) and a sequence filling the rest: {@code 20AB802677}, {@code 08AAX00000},
 * {@code 18AANW0040} (seed 003). One gap-free sequence per authority code and year. The code is
 * letters only, so a number typed by an enterprise parses without knowing the authority.
 */
public final class LicenceNumber implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final int LENGTH = 10;
    private static final Pattern FORMAT = Pattern.compile("(\\d{2})([A-Z]{2,4})(\\d+)");
    private static final Pattern AUTHORITY = Pattern.compile("[A-Z]{2,4}");

    private final String value;
    private final int codeLength;

    private LicenceNumber(String value, int codeLength) {
        this.value = value;
        this.codeLength = codeLength;
    }

    /** Whether {@code code} can stand in licence numbers (2 to 4 capital letters). */
    public static boolean isAuthorityCode(String code) {
        return code != null && AUTHORITY.matcher(code).matches();
    }

    /** The largest sequence an authority code leaves room for (999,999 for 2 letters, 9,999 for 4). */
    public static long maxSequence(String authorityCode) {
        return (long) Math.pow(10, LENGTH - 2 - authorityCode.length()) - 1;
    }

    public static LicenceNumber of(int year, String authorityCode, long sequence) {
        if (!isAuthorityCode(authorityCode)) {
            throw new DomainRuleException("licence.authorityCode", String.valueOf(authorityCode));
        }
        if (sequence < 1 || sequence > maxSequence(authorityCode)) {
            throw new DomainRuleException("licence.sequenceExhausted", authorityCode, String.valueOf(year));
        }
        int digits = LENGTH - 2 - authorityCode.length();
        return new LicenceNumber(String.format(Locale.ROOT, "%02d%s%0" + digits + "d", Math.floorMod(year, 100),
                authorityCode, sequence), authorityCode.length());
    }

    /** A number as typed: spaces around it and lower case forgiven; anything else is refused with the format. */
    public static LicenceNumber parse(String text) {
        String candidate = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        Matcher m = FORMAT.matcher(candidate);
        if (candidate.length() != LENGTH || !m.matches()) {
            throw new DomainRuleException("licence.numberFormat", String.valueOf(text));
        }
        return new LicenceNumber(candidate, m.group(2).length());
    }

    /** The 2-digit year as printed. */
    public int twoDigitYear() {
        return Integer.parseInt(value.substring(0, 2));
    }

    public String authorityCode() {
        return value.substring(2, 2 + codeLength);
    }

    public int sequence() {
        return Integer.parseInt(value.substring(2 + codeLength));
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
