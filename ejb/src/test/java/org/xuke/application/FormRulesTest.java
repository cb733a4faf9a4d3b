package org.xuke.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xuke.application.FormRules.Context;
import org.xuke.application.FormRules.FieldError;

/** Every rule of the export licence form, one broken at a time, from a form that passes. */
class FormRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static final Context ORDINARY = new Context(TODAY, true, true, false, 3, false);

    private static ExportLicenceForm form(int year, String country, String contract, String consignor,
            LocalDate validityEnd, List<SpecLine> lines) {
        return new ExportLicenceForm(year, "2903750010", "0100", "2101020000001", consignor, "0110", country, "2",
                "信用证", validityEnd, contract, "502", null, lines, new BigDecimal("1"), "", true);
    }

    private static ExportLicenceForm good() {
        return form(2026, "116", "HT-2026-001", "2101020000001", LocalDate.of(2026, 12, 31),
                List.of(new SpecLine("99%", new BigDecimal("12.5"), new BigDecimal("1000.125"))));
    }

    private static List<String> keys(ExportLicenceForm form, Context context) {
        return FormRules.check(form, context).stream().map(e -> e.field() + ":" + e.key()).toList();
    }

    @Test
    void aGoodFormPassesAndItsTotalsAreComputed() {
        assertThat(FormRules.check(good(), ORDINARY)).isEmpty();
        assertThat(good().grandTotal()).isEqualByComparingTo("12501.56");
        assertThat(good().grandTotalUsd()).isEqualByComparingTo("12501.56");
        assertThat(good().totalQuantity()).isEqualByComparingTo("1000.125");
    }

    @Test
    void theCommodityMustBeInThatYearsCatalogueAndUnderExportLicences() {
        assertThat(keys(good(), new Context(TODAY, false, false, false, 3, false)))
                .containsExactly("commodityCode:form.commodityUnknown");
        assertThat(keys(good(), new Context(TODAY, true, false, false, 3, false)))
                .containsExactly("commodityCode:form.commodityNotLicensed");
        assertThat(keys(good(), new Context(TODAY, true, true, false, 3, true)))
                .containsExactly("approvalNumber:form.approvalRequired");
    }

    @Test
    void noEuAndShortContractNumbers() {
        ExportLicenceForm eu = form(2026, "EU", "HT-2026-001", "2101020000001", LocalDate.of(2026, 12, 31),
                good().lines());
        assertThat(keys(eu, ORDINARY)).containsExactly("countryCode:form.countryEu");
        ExportLicenceForm longContract = form(2026, "116", "HT-2026-0000000001", "2101020000001",
                LocalDate.of(2026, 12, 31), good().lines());
        assertThat(longContract.contractNumber()).hasSize(18);
        assertThat(keys(longContract, ORDINARY)).containsExactly("contractNumber:form.contractTooLong");
    }

    @Test
    void quotaGoodsShipFromTheExporterItself() {
        ExportLicenceForm other = form(2026, "116", "HT-2026-001", "2101020000099", LocalDate.of(2026, 12, 31),
                good().lines());
        assertThat(keys(other, ORDINARY)).isEmpty();
        assertThat(keys(other, new Context(TODAY, true, true, true, 3, false)))
                .containsExactly("consignorCode:form.quotaConsignor");
    }

    @Test
    void validityIsAtMostSixMonthsAndInsideTheYear() {
        LocalDate may = LocalDate.of(2026, 5, 10);
        Context spring = new Context(may, true, true, false, 3, false);
        ExportLicenceForm tooLong = form(2026, "116", "HT", "2101020000001", LocalDate.of(2026, 11, 11),
                good().lines());
        assertThat(keys(tooLong, spring)).containsExactly("validityEnd:form.validitySixMonths");
        ExportLicenceForm sixMonths = form(2026, "116", "HT", "2101020000001", LocalDate.of(2026, 11, 10),
                good().lines());
        assertThat(keys(sixMonths, spring)).isEmpty();
        ExportLicenceForm nextYear = form(2026, "116", "HT", "2101020000001", LocalDate.of(2027, 1, 15),
                good().lines());
        assertThat(keys(nextYear, ORDINARY)).containsExactly("validityEnd:form.validityYear");
        ExportLicenceForm past = form(2026, "116", "HT", "2101020000001", LocalDate.of(2026, 11, 1), good().lines());
        assertThat(keys(past, ORDINARY)).containsExactly("validityEnd:form.validityPast");
    }

    @Test
    void nextYearsLicencesOnlyFromTheTenthOfDecemberAndWithARemark() {
        ExportLicenceForm next = form(2027, "116", "HT", "2101020000001", LocalDate.of(2027, 3, 31), good().lines());
        assertThat(keys(next, ORDINARY)).containsExactly("year:form.year");
        assertThat(keys(next, new Context(LocalDate.of(2026, 12, 9), true, true, false, 3, false)))
                .containsExactly("year:form.year");
        Context tenth = new Context(LocalDate.of(2026, 12, 10), true, true, false, 3, false);
        assertThat(keys(next, tenth)).containsExactly("remarks:form.nextYearRemark");
        ExportLicenceForm remarked = new ExportLicenceForm(2027, next.commodityCode(), next.portCode(),
                next.exporterCode(), next.consignorCode(), next.tradeModeCode(), next.countryCode(),
                next.transportModeCode(), next.paymentMethod(), next.validityEnd(), next.contractNumber(),
                next.currencyCode(), null, next.lines(), next.usdRate(), "2027 年度许可证，12 月 10 日后申领", true);
        assertThat(keys(remarked, tenth)).isEmpty();
    }

    @Test
    void amountsArePositiveWithinTheUnitsPrecision() {
        List<SpecLine> bad = List.of(new SpecLine("A", new BigDecimal("0"), new BigDecimal("5")),
                new SpecLine(" ", new BigDecimal("1.5"), new BigDecimal("-1")),
                new SpecLine("C", new BigDecimal("1.12345"), new BigDecimal("2.5")));
        ExportLicenceForm form = form(2026, "116", "HT", "2101020000001", LocalDate.of(2026, 12, 31), bad);
        assertThat(FormRules.check(form, new Context(TODAY, true, true, false, 0, false)))
                .extracting(FieldError::field, FieldError::key).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("lines[0].unitPrice", "form.positive"),
                        org.assertj.core.groups.Tuple.tuple("lines[1].specification", "form.required"),
                        org.assertj.core.groups.Tuple.tuple("lines[1].quantity", "form.positive"),
                        org.assertj.core.groups.Tuple.tuple("lines[2].unitPrice", "form.precision"),
                        org.assertj.core.groups.Tuple.tuple("lines[2].quantity", "form.precision"));
        ExportLicenceForm none = form(2026, "116", "HT", "2101020000001", LocalDate.of(2026, 12, 31), List.of());
        assertThat(keys(none, ORDINARY)).containsExactly("lines:form.noLines");
    }

    @Test
    void everyTextFitsItsColumnAndIsToldAtItsField() {
        ExportLicenceForm g = good();
        ExportLicenceForm tooLong = new ExportLicenceForm(2026, g.commodityCode(), g.portCode(), g.exporterCode(),
                g.consignorCode(), g.tradeModeCode(), g.countryCode(), g.transportModeCode(), "付".repeat(41),
                g.validityEnd(), g.contractNumber(), g.currencyCode(), "批".repeat(41),
                List.of(new SpecLine("规".repeat(201), new BigDecimal("1"), new BigDecimal("1"))), g.usdRate(),
                "备".repeat(501), true);
        assertThat(keys(tooLong, ORDINARY)).containsExactlyInAnyOrder("paymentMethod:form.tooLong",
                "approvalNumber:form.tooLong", "remarks:form.tooLong", "lines[0].specification:form.tooLong");
        assertThat(FormRules.check(tooLong, ORDINARY).stream().filter(e -> e.field().equals("remarks")).findFirst()
                .orElseThrow().arguments()).containsExactly("500", "501");
    }
}
