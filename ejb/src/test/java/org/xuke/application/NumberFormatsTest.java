package org.xuke.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.xuke.enterprise.EnterpriseCode;
import org.xuke.platform.DomainRuleException;

/** The numbers of DOMAIN.md: licence numbers and ministry application numbers. */
class NumberFormatsTest {

    @Test
    void licenceNumbersAreYearAuthorityAndSixDigits() {
        assertThat(LicenceNumber.of(2026, "AB", 802677).value()).isEqualTo("26AB802677");
        assertThat(LicenceNumber.of(2026, "AB", 1).value()).isEqualTo("26AB000001");
        LicenceNumber seen = LicenceNumber.parse("20ab802677");
        assertThat(seen.value()).isEqualTo("20AB802677");
        assertThat(seen.authorityCode()).isEqualTo("AB");
        assertThat(seen.sequence()).isEqualTo(802677);
        assertThat(seen).isEqualTo(LicenceNumber.of(2020, "AB", 802677));
    }

    @Test
    void malformedLicenceNumbersAreRefused() {
        for (String bad : new String[] {"", "20AB80267", "20AB8026770", "2AAB802677", "20A-802677", null}) {
            assertThatThrownBy(() -> LicenceNumber.parse(bad)).isInstanceOf(DomainRuleException.class)
                    .hasMessageContaining("licence.numberFormat");
        }
        assertThatThrownBy(() -> LicenceNumber.of(2026, "ABC", 1)).hasMessageContaining("licence.authorityCode");
        assertThatThrownBy(() -> LicenceNumber.of(2026, "AB", 1_000_000))
                .hasMessageContaining("licence.sequenceExhausted");
        assertThatThrownBy(() -> LicenceNumber.of(2026, "AB", 0)).hasMessageContaining("licence.sequenceExhausted");
    }

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
