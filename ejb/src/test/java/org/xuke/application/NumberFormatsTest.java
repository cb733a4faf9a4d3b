package org.xuke.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.xuke.enterprise.EnterpriseCode;

/** The ministry application numbers of DOMAIN.md (licence numbers: {@code LicenceNumberTest}). */
class NumberFormatsTest {

    @Test
    void applicationNumbersAreYearEnterpriseCodeAndSerial() {
        ApplicationNumber number = ApplicationNumber.of(2020, EnterpriseCode.parse("1100776367555"), 600150);
        assertThat(number.value()).isEqualTo("201100776367555600150").hasSize(21);
        assertThat(number.enterpriseCode()).isEqualTo("1100776367555");
        assertThat(ApplicationNumber.parse("201100776367555600150")).isEqualTo(number);
        assertThatThrownBy(() -> ApplicationNumber.parse("20110077636755560015"))
                .hasMessageContaining("application.numberFormat");
        assertThatThrownBy(() -> ApplicationNumber.of(2026, EnterpriseCode.parse("1100776367555"), 1_000_000))
                .hasMessageContaining("application.serialExhausted");
    }
}
