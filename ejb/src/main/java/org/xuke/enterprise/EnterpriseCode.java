package org.xuke.enterprise;

import java.io.Serializable;
import org.xuke.platform.DomainRuleException;

/** The 13-digit import-export enterprise code (进出口企业代码), still printed beside the USCC. */
public final class EnterpriseCode implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String value;

    private EnterpriseCode(String value) {
        this.value = value;
    }

    public static EnterpriseCode parse(String input) {
        String code = input == null ? "" : input.strip();
        if (code.length() != 13 || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new DomainRuleException("enterpriseCode.format", code);
        }
        return new EnterpriseCode(code);
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EnterpriseCode that && value.equals(that.value);
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
