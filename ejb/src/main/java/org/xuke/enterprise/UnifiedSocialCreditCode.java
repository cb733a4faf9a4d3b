package org.xuke.enterprise;

import java.io.Serializable;
import org.xuke.platform.DomainRuleException;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet (digits and capital
 * letters without I, O, S, V, Z): registration authority, organisation type, 6-digit region,
 * 9-character organisation code and a check character.
 */
public final class UnifiedSocialCreditCode implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    /** Weight of position i is 3^i mod 31. */
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private final String value;

    private UnifiedSocialCreditCode(String value) {
        this.value = value;
    }

    /** Parses a code, refusing a wrong length, a character outside the alphabet or a wrong check character. */
    public static UnifiedSocialCreditCode parse(String input) {
        String code = input == null ? "" : input.strip().toUpperCase(java.util.Locale.ROOT);
        if (code.length() != 18) {
            throw new DomainRuleException("uscc.length", String.valueOf(code.length()));
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                throw new DomainRuleException("uscc.character", String.valueOf(code.charAt(i)), String.valueOf(i + 1));
            }
        }
        if (!code.substring(2, 8).chars().allMatch(Character::isDigit)) {
            throw new DomainRuleException("uscc.region", code.substring(2, 8));
        }
        char expected = checkCharacter(code);
        if (code.charAt(17) != expected) {
            throw new DomainRuleException("uscc.check", String.valueOf(code.charAt(17)), String.valueOf(expected));
        }
        return new UnifiedSocialCreditCode(code);
    }

    public static boolean isValid(String input) {
        try {
            parse(input);
            return true;
        } catch (DomainRuleException e) {
            return false;
        }
    }

    /** The check character for the first 17 characters of {@code code}. */
    static char checkCharacter(String code) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(code.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }

    /** The 6-digit administrative region code of the registering authority. */
    public String regionCode() {
        return value.substring(2, 8);
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UnifiedSocialCreditCode that && value.equals(that.value);
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
