package org.xuke.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How numbers and remarks are written on printed licences and application forms: quantities as
 * people write them ({@code 2,000}, never {@code 2E+3}), money to the cent, 非一批一证 in 备注.
 */
public final class PrintFormats {

    private PrintFormats() {
    }

    public static String quantity(BigDecimal value) {
        return value == null ? "" : new DecimalFormat("#,##0.###").format(value);
    }

    public static String money(BigDecimal value) {
        return value == null ? "" : new DecimalFormat("#,##0.00").format(value.setScale(2, RoundingMode.HALF_UP));
    }

    /** 非一批一证 is noted in 备注 (DOMAIN.md), before what the enterprise wrote. */
    public static String remarks(String remarks, boolean oneBatch) {
        String text = remarks == null ? "" : remarks.strip();
        return oneBatch ? text : ("非一批一证" + (text.isEmpty() ? "" : "\n" + text));
    }

    /** One row of box 12 (规格、等级) as the templates' detail band reads it. */
    public static Map<String, ?> specRow(String spec, String unit, BigDecimal quantity, BigDecimal unitPrice,
            BigDecimal total, BigDecimal usd) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("spec", spec);
        row.put("unit", unit);
        row.put("quantity", quantity(quantity));
        row.put("unitPrice", money(unitPrice));
        row.put("amount", money(total));
        row.put("amountUsd", money(usd));
        return row;
    }
}
