package org.xuke.licence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xuke.catalog.LicenceKind;

/** A licence of any kind: lines as rows, uses allowed, the verification code, its standing on a day. */
class LicenceTest {

    private static LicenceIssue issue(LicenceKind kind, boolean oneBatch, LocalDate validityEnd) {
        return new LicenceIssue(kind, 1, "262101234567890000001", 2, "QIYE", "外贸部", "PROV-LIAONING", 2026,
                validityEnd, oneBatch, "0100", List.of(
                        new LicenceLine(1, "8112921000", "粉末", "035", new BigDecimal("10"), new BigDecimal("12.5"),
                                new BigDecimal("125.00")),
                        new LicenceLine(2, "8112921000", "锭", "035", new BigDecimal("2.5"), new BigDecimal("10"),
                                new BigDecimal("25.00"))),
                new BigDecimal("150.00"), null, Map.of("kind", "EXPORT_LICENCE"));
    }

    private static Licence licence(LocalDate validityEnd) {
        return licence(LicenceKind.EXPORT, true, validityEnd);
    }

    private static Licence licence(LicenceKind kind, boolean oneBatch, LocalDate validityEnd) {
        return new Licence(issue(kind, oneBatch, validityEnd), LicenceNumber.parse("26LN000001"), "FAZHENG",
                Instant.parse("2026-06-01T02:00:00Z"), "{}".getBytes(StandardCharsets.UTF_8), new byte[] {1});
    }

    @Test
    void theLicenceTakesTheFactsOfTheIssueWithItsLinesAsRows() {
        Licence licence = licence(LocalDate.of(2026, 12, 31));
        assertThat(licence.getNumber()).isEqualTo("26LN000001");
        assertThat(licence.getKind()).isEqualTo(LicenceKind.EXPORT);
        assertThat(licence.getLines()).extracting(LicenceLine::getLineNumber).containsExactly(1, 2);
        assertThat(licence.getTotalQuantity()).isEqualByComparingTo("12.5");
        assertThat(licence.getCommodityCode()).isEqualTo("8112921000");
        assertThat(licence.getPortCode()).isEqualTo("0100");
        assertThat(licence.getApplicant()).isEqualTo("QIYE");
        assertThat(licence.getDepartment()).isEqualTo("外贸部");
    }

    @Test
    void usesAllowedFollowTheKindAndOneBatch() {
        assertThat(licence(LicenceKind.EXPORT, true, LocalDate.of(2026, 12, 31)).getUsesAllowed()).isEqualTo(1);
        assertThat(licence(LicenceKind.EXPORT, false, LocalDate.of(2026, 12, 31)).getUsesAllowed()).isEqualTo(12);
        assertThat(Licence.usesAllowed(LicenceKind.AUTOMATIC_IMPORT, false)).isEqualTo(6);
        assertThat(Licence.usesAllowed(LicenceKind.AUTOMATIC_IMPORT_MECHANICAL, false)).isEqualTo(6);
        assertThat(Licence.usesAllowed(LicenceKind.AUTOMATIC_IMPORT, true)).isEqualTo(1);
    }

    @Test
    void anIssueNeedsLinesAndALineAPositiveQuantity() {
        assertThatThrownBy(() -> new LicenceIssue(LicenceKind.EXPORT, 1, "x", 2, "QIYE", null, "A", 2026,
                LocalDate.of(2026, 12, 31), true, "0100", List.of(), BigDecimal.ONE, null, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LicenceLine(1, "8112921000", "粉末", "035", BigDecimal.ZERO, BigDecimal.ONE,
                BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LicenceLine(0, "8112921000", "粉末", "035", BigDecimal.ONE, BigDecimal.ONE,
                BigDecimal.ONE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLicenceIsValidThroughItsLastDayAndExpiredAfter() {
        Licence licence = licence(LocalDate.of(2026, 12, 31));
        assertThat(licence.getStatus()).isEqualTo(LicenceStatus.ISSUED);
        assertThat(licence.standingOn(LocalDate.of(2026, 12, 31))).isEqualTo(LicenceStanding.VALID);
        assertThat(licence.standingOn(LocalDate.of(2027, 1, 1))).isEqualTo(LicenceStanding.EXPIRED);
    }

    @Test
    void aLicenceExpiresOnlyAfterItsEndAndEndsOnce() {
        Instant at = Instant.parse("2027-01-02T01:00:00Z");
        Licence licence = licence(LocalDate.of(2026, 12, 31));
        assertThatThrownBy(() -> licence.end(LicenceStatus.EXPIRED, LocalDate.of(2026, 12, 31), "system", at, "x"))
                .hasMessageContaining("licence.cannotEnd");
        licence.end(LicenceStatus.EXPIRED, LocalDate.of(2027, 1, 1), "system", at, "expiry-2027-01-01");
        assertThat(licence.getStatus()).isEqualTo(LicenceStatus.EXPIRED);
        assertThat(licence.standingOn(LocalDate.of(2026, 12, 1))).as("recorded, whatever the day")
                .isEqualTo(LicenceStanding.EXPIRED);
        assertThatThrownBy(() -> licence.end(LicenceStatus.EXPIRED, LocalDate.of(2027, 1, 2), "system", at, "x"))
                .as("the second run finds it expired").hasMessageContaining("licence.cannotEnd");
        // an expired licence used at customs is still written off
        licence.end(LicenceStatus.WRITTEN_OFF, LocalDate.of(2027, 1, 2), "FAZHENG", at, "closure-7");
        assertThat(licence.getStatus().isEnded()).isTrue();
        assertThat(licence.getEndedBy()).isEqualTo("FAZHENG");
        assertThat(licence.getEndedByReference()).isEqualTo("closure-7");
        assertThatThrownBy(() -> licence.end(LicenceStatus.DELETED, LocalDate.of(2027, 1, 2), "FAZHENG", at, "x"))
                .as("an ended licence ends once").hasMessageContaining("licence.cannotEnd");
    }

    @Test
    void theVerificationCodeIsEightUnambiguousCharactersMadeAtIssueAndCheckedForgivingCase() {
        Licence licence = licence(LocalDate.of(2026, 12, 31));
        String code = licence.verificationCode();
        assertThat(code).hasSize(8).matches("[2-9A-HJKMNP-Z]{8}");
        assertThat(licence.verificationCode()).isEqualTo(code);
        assertThat(licence.hasVerificationCode(" " + code.toLowerCase() + " ")).isTrue();
        assertThat(licence.hasVerificationCode(code.substring(1))).isFalse();
        assertThat(licence.hasVerificationCode("许可证号码验证码")).isFalse();
        assertThat(licence.hasVerificationCode(null)).isFalse();
    }
}
