package org.xuke.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xuke.platform.DomainRuleException;

class UnifiedSocialCreditCodeTest {

    /** Codes published by real companies (Huawei, Tencent, Alibaba and a Beijing state enterprise). */
    @ParameterizedTest
    @ValueSource(strings = {"914403001922038216", "9144030071526726XG", "91330100716105852F", "91110000802100433B"})
    void acceptsPublishedCodes(String code) {
        assertThat(UnifiedSocialCreditCode.parse(code).value()).isEqualTo(code);
    }

    @Test
    void acceptsLowerCaseAndSurroundingSpaceAsTheSameCode() {
        assertThat(UnifiedSocialCreditCode.parse(" 9144030071526726xg ").value()).isEqualTo("9144030071526726XG");
    }

    @Test
    void refusesAWrongCheckCharacterAndNamesTheRightOne() {
        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse("914403001922038217"))
                .isInstanceOfSatisfying(DomainRuleException.class, e -> {
                    assertThat(e.key()).isEqualTo("uscc.check");
                    assertThat(e.arguments()).containsExactly("7", "6");
                });
    }

    @Test
    void theSeedsTestEnterpriseCodeDoesNotVerify() {
        // 签章测试企业 in seed 003: a placeholder, not a valid code.
        assertThat(UnifiedSocialCreditCode.isValid("289999997763675559")).isFalse();
    }

    @Test
    void everySingleCharacterChangeIsDetected() {
        String valid = "91330100716105852F";
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        for (int position = 0; position < 18; position++) {
            for (char c : alphabet.toCharArray()) {
                if (c == valid.charAt(position) || (position >= 2 && position < 8 && !Character.isDigit(c))) {
                    continue;
                }
                String changed = valid.substring(0, position) + c + valid.substring(position + 1);
                assertThat(UnifiedSocialCreditCode.isValid(changed)).as(changed).isFalse();
            }
        }
    }

    @Test
    void refusesLengthAlphabetAndRegion() {
        assertThat(key("9144030019220382")).isEqualTo("uscc.length");
        assertThat(key("91440300192203821I")).isEqualTo("uscc.character");
        assertThat(key("91AB03001922038216")).isEqualTo("uscc.region");
        assertThat(key(null)).isEqualTo("uscc.length");
    }

    @Test
    void enterpriseCodeIsThirteenDigits() {
        assertThat(EnterpriseCode.parse("1100776367555").value()).isEqualTo("1100776367555");
        assertThatThrownBy(() -> EnterpriseCode.parse("110077636755A")).isInstanceOf(DomainRuleException.class);
        assertThatThrownBy(() -> EnterpriseCode.parse("110077636755")).isInstanceOf(DomainRuleException.class);
    }

    @Test
    void everyMessageHasChineseAndEnglish() {
        var zh = ResourceBundle.getBundle("org.xuke.enterprise.EnterpriseMessages", Locale.SIMPLIFIED_CHINESE);
        var en = ResourceBundle.getBundle("org.xuke.enterprise.EnterpriseMessages", Locale.ENGLISH);
        for (String key : new String[] {"uscc.length", "uscc.character", "uscc.region", "uscc.check",
                "enterpriseCode.format"}) {
            assertThat(zh.getString(key)).isNotEqualTo(en.getString(key));
        }
    }

    private static String key(String code) {
        try {
            UnifiedSocialCreditCode.parse(code);
            return "valid";
        } catch (DomainRuleException e) {
            return e.key();
        }
    }
}
