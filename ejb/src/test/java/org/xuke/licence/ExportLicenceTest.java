package org.xuke.licence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The verification code and what the public page says of a licence on a given day. */
class ExportLicenceTest {

    private static ExportLicence licence(LocalDate validityEnd) {
        return new ExportLicence("26LN000001", 1, 2, "PROV-LIAONING", 2026, "8112921000", BigDecimal.TEN,
                new BigDecimal("125.00"), validityEnd, true, "FAZHENG", Instant.parse("2026-06-01T02:00:00Z"),
                "{}".getBytes(StandardCharsets.UTF_8), new byte[] {1});
    }

    @Test
    void aLicenceIsValidThroughItsLastDayAndExpiredAfter() {
        ExportLicence licence = licence(LocalDate.of(2026, 12, 31));
        assertThat(licence.getStatus()).isEqualTo(LicenceStatus.ISSUED);
        assertThat(licence.standingOn(LocalDate.of(2026, 12, 31))).isEqualTo(LicenceStanding.VALID);
        assertThat(licence.standingOn(LocalDate.of(2027, 1, 1))).isEqualTo(LicenceStanding.EXPIRED);
    }

    @Test
    void theVerificationCodeIsEightUnambiguousCharactersKeptOnceMadeAndCheckedForgivingCase() {
        ExportLicence licence = licence(LocalDate.of(2026, 12, 31));
        assertThat(licence.hasVerificationCode("ABCDEFGH")).as("none before it is made").isFalse();
        String code = licence.verificationCode();
        assertThat(code).hasSize(8).matches("[2-9A-HJKMNP-Z]{8}");
        assertThat(licence.verificationCode()).isEqualTo(code);
        assertThat(licence.hasVerificationCode(" " + code.toLowerCase() + " ")).isTrue();
        assertThat(licence.hasVerificationCode(code.substring(1))).isFalse();
        assertThat(licence.hasVerificationCode("许可证号码验证码")).isFalse();
        assertThat(licence.hasVerificationCode(null)).isFalse();
    }
}
