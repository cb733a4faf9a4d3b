package org.xuke.account;

import java.util.Locale;
import java.util.Set;
import org.xuke.platform.DomainRuleException;

/**
 * What a new password must be. No default passwords exist in this system (the old platforms'
 * 99999999 is exactly what must not happen), so the known defaults are refused outright.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    /** Long pass phrases are welcome; a megabyte pasted into the field is not. */
    public static final int MAX_LENGTH = 128;
    private static final Set<String> KNOWN_DEFAULTS = Set.of("99999999", "tecimp1", "12345678", "123456",
            "password", "admin", "changeit", "88888888", "11111111", "qwerty123");

    private PasswordPolicy() {
    }

    /** Throws with a message key of IdentityMessages when {@code password} is not acceptable. */
    public static void check(char[] password, String username) {
        String text = new String(password);
        String lower = text.toLowerCase(Locale.ROOT);
        if (KNOWN_DEFAULTS.stream().anyMatch(lower::contains)) {
            throw new DomainRuleException("password.default");
        }
        if (text.length() < MIN_LENGTH) {
            throw new DomainRuleException("password.short", String.valueOf(MIN_LENGTH));
        }
        if (text.length() > MAX_LENGTH) {
            throw new DomainRuleException("password.long", String.valueOf(MAX_LENGTH));
        }
        boolean letter = text.chars().anyMatch(Character::isLetter);
        boolean digit = text.chars().anyMatch(Character::isDigit);
        if (!letter || !digit) {
            throw new DomainRuleException("password.mix");
        }
        if (username != null && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw new DomainRuleException("password.username");
        }
        if (text.chars().distinct().count() < 5) {
            throw new DomainRuleException("password.repetitive");
        }
    }
}
