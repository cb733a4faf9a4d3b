package org.xuke.licence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xuke.platform.DomainRuleException;

/** 许可证号 as DOMAIN.md and seed 003 have them: 10 characters, year, a 2- to 4-letter authority code, sequence. */
class LicenceNumberTest {

    @ParameterizedTest
    @CsvSource({"20AB802677, 20, AB, 802677", "08AAX00000, 8, AAX, 0", "18AANW0040, 18, AANW, 40",
            "' 26ln000001 ', 26, LN, 1"})
    void theThreeRealShapesParseAndPrintAsTheyAre(String typed, int year, String code, int sequence) {
        LicenceNumber number = LicenceNumber.parse(typed);
        assertThat(number.twoDigitYear()).isEqualTo(year);
        assertThat(number.authorityCode()).isEqualTo(code);
        assertThat(number.sequence()).isEqualTo(sequence);
        assertThat(number.value()).hasSize(10).isEqualTo(typed.strip().toUpperCase());
    }

    @Test
    void theSequenceFillsWhatTheCodeLeaves() {
        assertThat(LicenceNumber.of(2026, "AB", 802677).value()).isEqualTo("26AB802677");
        assertThat(LicenceNumber.of(2026, "AB", 1).value()).isEqualTo("26AB000001");
        assertThat(LicenceNumber.of(2008, "AAX", 1).value()).isEqualTo("08AAX00001");
        assertThat(LicenceNumber.of(2018, "AANW", 40).value()).isEqualTo("18AANW0040");
        assertThat(LicenceNumber.of(2018, "AANW", 40)).isEqualTo(LicenceNumber.parse("18aanw0040"));
        assertThat(LicenceNumber.maxSequence("AB")).isEqualTo(999_999);
        assertThat(LicenceNumber.maxSequence("AAX")).isEqualTo(99_999);
        assertThat(LicenceNumber.maxSequence("AANW")).isEqualTo(9_999);
    }

    @Test
    void malformedNumbersAndCodesAreRefused() {
        for (String bad : new String[] {"", "20AB80267", "20AB8026770", "2AAB802677", "20A-802677", "20A1802677",
                "20ABCDE677", "2026AB0001", "20AB80267X", null}) {
            assertThatThrownBy(() -> LicenceNumber.parse(bad)).as(String.valueOf(bad))
                    .isInstanceOf(DomainRuleException.class).hasMessageContaining("licence.numberFormat");
        }
        for (String bad : new String[] {"A", "ABCDE", "A1", "ab", "", null}) {
            assertThat(LicenceNumber.isAuthorityCode(bad)).as(String.valueOf(bad)).isFalse();
            assertThatThrownBy(() -> LicenceNumber.of(2026, bad, 1)).hasMessageContaining("licence.authorityCode");
        }
        assertThatThrownBy(() -> LicenceNumber.of(2026, "AB", 1_000_000)).hasMessageContaining("licence.sequenceExhausted");
        assertThatThrownBy(() -> LicenceNumber.of(2026, "AANW", 10_000)).hasMessageContaining("licence.sequenceExhausted");
        assertThatThrownBy(() -> LicenceNumber.of(2026, "AB", 0)).hasMessageContaining("licence.sequenceExhausted");
    }
}
