package org.xuke.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules of DOMAIN.md for an export licence form, each answered at its field with a message
 * key: the commodity of that year's catalogue and under export licence management, one port, no
 * "EU" as a country, contract number at most 17 characters, consignor = exporter for quota goods,
 * validity at most 6 months and within the year (next year's licences only from 10 December, with
 * a remark),
 * positive amounts and quantities within the unit's precision.
 */
public final class FormRules {

    public static final int CONTRACT_MAX = 17;
    public static final int REMARKS_MAX = 500;
    public static final int SPECIFICATION_MAX = 200;
    public static final int APPROVAL_MAX = 40;
    /** Codes of the catalogues (ports, countries, modes, currencies): what their columns hold. */
    public static final int CODE_MAX = 10;
    public static final int PARTY_CODE_MAX = 18;
    public static final int PAYMENT_MAX = 40;
    public static final MonthDay NEXT_YEAR_FROM = MonthDay.of(12, 10);

    /** What the rules need to know beyond the form: today, and the commodity as that year's catalogue has it. */
    public record Context(LocalDate today, boolean commodityKnown, boolean exportLicenceGoods, boolean quotaGoods,
            int quantityScale, boolean approvalRequired) {
    }

    /** One broken rule at one field (the field names are the form's). */
    public record FieldError(String field, String key, List<String> arguments) {

        static FieldError of(String field, String key, Object... arguments) {
            return new FieldError(field, key, java.util.Arrays.stream(arguments).map(String::valueOf).toList());
        }
    }

    private FormRules() {
    }

    public static List<FieldError> check(ExportLicenceForm form, Context context) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = context.today();
        if (form.year() != today.getYear()
                && !(form.year() == today.getYear() + 1 && !MonthDay.from(today).isBefore(NEXT_YEAR_FROM))) {
            errors.add(FieldError.of("year", "form.year", form.year(), today.getYear()));
        } else if (form.year() == today.getYear() + 1 && blank(form.remarks())) {
            // DOMAIN.md: next year's licences are issued from 10 December "with a remark"
            errors.add(FieldError.of("remarks", "form.nextYearRemark"));
        }
        if (blank(form.commodityCode()) || !context.commodityKnown()) {
            errors.add(FieldError.of("commodityCode", "form.commodityUnknown", nz(form.commodityCode()), form.year()));
        } else if (!context.exportLicenceGoods()) {
            errors.add(FieldError.of("commodityCode", "form.commodityNotLicensed", form.commodityCode(), form.year()));
        }
        required(errors, "portCode", form.portCode());
        required(errors, "exporterCode", form.exporterCode());
        required(errors, "consignorCode", form.consignorCode());
        required(errors, "tradeModeCode", form.tradeModeCode());
        required(errors, "transportModeCode", form.transportModeCode());
        required(errors, "paymentMethod", form.paymentMethod());
        required(errors, "currencyCode", form.currencyCode());
        if (blank(form.countryCode())) {
            errors.add(FieldError.of("countryCode", "form.required"));
        } else if ("EU".equals(form.countryCode().strip().toUpperCase(Locale.ROOT))) {
            errors.add(FieldError.of("countryCode", "form.countryEu"));
        }
        if (blank(form.contractNumber())) {
            errors.add(FieldError.of("contractNumber", "form.required"));
        } else if (form.contractNumber().strip().length() > CONTRACT_MAX) {
            errors.add(FieldError.of("contractNumber", "form.contractTooLong", CONTRACT_MAX,
                    form.contractNumber().strip().length()));
        }
        if (context.quotaGoods() && !blank(form.consignorCode()) && !blank(form.exporterCode())
                && !form.consignorCode().strip().equals(form.exporterCode().strip())) {
            errors.add(FieldError.of("consignorCode", "form.quotaConsignor"));
        }
        if (context.approvalRequired() && blank(form.approvalNumber())) {
            errors.add(FieldError.of("approvalNumber", "form.approvalRequired"));
        }
        lengths(errors, form);
        validity(errors, form, today);
        lines(errors, form, context.quantityScale());
        if (form.usdRate() == null || form.usdRate().signum() <= 0) {
            errors.add(FieldError.of("usdRate", "form.positive"));
        }
        return errors;
    }

    /** Every text within what its column holds, said at the field (it once was a database error, HTTP 500). */
    private static void lengths(List<FieldError> errors, ExportLicenceForm form) {
        longest(errors, "portCode", form.portCode(), CODE_MAX);
        longest(errors, "countryCode", form.countryCode(), CODE_MAX);
        longest(errors, "tradeModeCode", form.tradeModeCode(), CODE_MAX);
        longest(errors, "transportModeCode", form.transportModeCode(), CODE_MAX);
        longest(errors, "currencyCode", form.currencyCode(), CODE_MAX);
        longest(errors, "exporterCode", form.exporterCode(), PARTY_CODE_MAX);
        longest(errors, "consignorCode", form.consignorCode(), PARTY_CODE_MAX);
        longest(errors, "paymentMethod", form.paymentMethod(), PAYMENT_MAX);
        longest(errors, "approvalNumber", form.approvalNumber(), APPROVAL_MAX);
        longest(errors, "remarks", form.remarks(), REMARKS_MAX);
        if (form.lines() != null) {
            for (int i = 0; i < form.lines().size(); i++) {
                longest(errors, "lines[" + i + "].specification", form.lines().get(i).specification(),
                        SPECIFICATION_MAX);
            }
        }
    }

    private static void longest(List<FieldError> errors, String field, String value, int max) {
        if (value != null && value.strip().length() > max && errors.stream().noneMatch(e -> e.field().equals(field))) {
            errors.add(FieldError.of(field, "form.tooLong", max, value.strip().length()));
        }
    }

    private static void validity(List<FieldError> errors, ExportLicenceForm form, LocalDate today) {
        LocalDate end = form.validityEnd();
        if (end == null) {
            errors.add(FieldError.of("validityEnd", "form.required"));
            return;
        }
        LocalDate from = form.year() > today.getYear() ? LocalDate.of(form.year(), 1, 1) : today;
        if (end.isBefore(from)) {
            errors.add(FieldError.of("validityEnd", "form.validityPast", end));
        } else if (end.isAfter(from.plusMonths(6))) {
            errors.add(FieldError.of("validityEnd", "form.validitySixMonths", end, from.plusMonths(6)));
        }
        if (end.getYear() != form.year()) {
            errors.add(FieldError.of("validityEnd", "form.validityYear", end, form.year()));
        }
    }

    private static void lines(List<FieldError> errors, ExportLicenceForm form, int quantityScale) {
        if (form.lines() == null || form.lines().isEmpty()) {
            errors.add(FieldError.of("lines", "form.noLines"));
            return;
        }
        for (int i = 0; i < form.lines().size(); i++) {
            SpecLine line = form.lines().get(i);
            String at = "lines[" + i + "].";
            if (blank(line.specification())) {
                errors.add(FieldError.of(at + "specification", "form.required"));
            }
            positive(errors, at + "unitPrice", line.unitPrice(), 4);
            positive(errors, at + "quantity", line.quantity(), quantityScale);
        }
    }

    private static void positive(List<FieldError> errors, String field, BigDecimal value, int scale) {
        if (value == null || value.signum() <= 0) {
            errors.add(FieldError.of(field, "form.positive"));
        } else if (value.stripTrailingZeros().scale() > scale) {
            errors.add(FieldError.of(field, "form.precision", scale));
        }
    }

    private static void required(List<FieldError> errors, String field, String value) {
        if (blank(value)) {
            errors.add(FieldError.of(field, "form.required"));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
