package org.xuke.application;

import java.io.Serializable;
import java.util.regex.Pattern;
import org.xuke.enterprise.EnterpriseCode;
import org.xuke.platform.DomainRuleException;

/**
 * 部级申请号 (seed 003), assigned at submission: 2-digit year + the enterprise's 13-digit code +
 * a 6-digit serial, e.g. {@code 201100776367555600150}.
 */
public final class ApplicationNumber implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Pattern FORMAT = Pattern.compile("\\d{21}");

    private final String value;

    private ApplicationNumber(String value) {
        this.value = value;
    }

    public static ApplicationNumber of(int year, EnterpriseCode enterprise, long serial) {
        if (serial < 0 || serial > 999_999) {
            throw new DomainRuleException("application.serialExhausted", String.valueOf(year));
        }
        return new ApplicationNumber(String.format("%02d%s%06d", Math.floorMod(year, 100), enterprise.value(), serial));
    }

    public static ApplicationNumber parse(String text) {
        String candidate = text == null ? "" : text.strip();
        if (!FORMAT.matcher(candidate).matches()) {
            throw new DomainRuleException("application.numberFormat", String.valueOf(text));
        }
        return new ApplicationNumber(candidate);
    }

    public String enterpriseCode() {
        return value.substring(2, 15);
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApplicationNumber that && value.equals(that.value);
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
