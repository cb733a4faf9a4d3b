package org.xuke.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xuke.platform.DomainRuleException;

class PasswordsTest {

    /** Few iterations: the unit tests check the format and the comparison, not the cost. */
    private final PasswordHasher hasher = new PasswordHasher(1_000);

    @Test
    void hashesAreSaltedAndVerify() {
        String first = hasher.hash("Licence2026x".toCharArray());
        String second = hasher.hash("Licence2026x".toCharArray());
        assertThat(first).startsWith("pbkdf2-sha256$1000$").isNotEqualTo(second);
        assertThat(hasher.matches("Licence2026x".toCharArray(), first)).isTrue();
        assertThat(hasher.matches("Licence2026X".toCharArray(), first)).isFalse();
        assertThat(hasher.matches("Licence2026x".toCharArray(), "garbage")).isFalse();
        assertThat(hasher.matches("Licence2026x".toCharArray(), null)).isFalse();
    }

    @Test
    void aStrongerHasherAsksForRehashOfOlderHashes() {
        String old = hasher.hash("Licence2026x".toCharArray());
        assertThat(new PasswordHasher().needsRehash(old)).isTrue();
        assertThat(hasher.needsRehash(old)).isFalse();
        assertThat(new PasswordHasher().matches("Licence2026x".toCharArray(), old)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "99999999, password.default",
        "A99999999b, password.default",
        "Tecimp1abcdef, password.default",
        "Ab3def, password.short",
        "abcdefghijkl, password.mix",
        "QIANZ2026abc, password.username",
        "aaaa1111aaaa, password.repetitive"
    })
    void weakPasswordsAreRefusedWithTheReason(String password, String key) {
        assertThatThrownBy(() -> PasswordPolicy.check(password.toCharArray(), "QIANZ"))
                .isInstanceOf(DomainRuleException.class).extracting("key").isEqualTo(key);
    }

    @Test
    void aPastedMegabyteIsNotAPassword() {
        String tooLong = "Xuke-licence-7342".repeat(8);
        assertThatThrownBy(() -> PasswordPolicy.check(tooLong.toCharArray(), "QIANZ"))
                .isInstanceOf(DomainRuleException.class).extracting("key").isEqualTo("password.long");
        assertThatCode(() -> PasswordPolicy.check(tooLong.substring(0, PasswordPolicy.MAX_LENGTH).toCharArray(),
                "QIANZ")).doesNotThrowAnyException();
    }

    @Test
    void aReasonablePasswordPasses() {
        assertThatCode(() -> PasswordPolicy.check("Xuke-licence-7342".toCharArray(), "QIANZ")).doesNotThrowAnyException();
    }

    @Test
    void oneTimePasswordsAreLongUnambiguousAndPassThePolicy() {
        for (int i = 0; i < 200; i++) {
            String oneTime = new String(AccountService.oneTimePassword());
            assertThat(oneTime).hasSize(16).doesNotContain("0", "O", "1", "l", "I");
            assertThatCode(() -> PasswordPolicy.check(oneTime.toCharArray(), null)).doesNotThrowAnyException();
        }
    }
}
