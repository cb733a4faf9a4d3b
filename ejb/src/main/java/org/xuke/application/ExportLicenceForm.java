package org.xuke.application;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the enterprise fills in for an export licence (the 21 boxes of DOMAIN.md that are the
 * applicant's): codes refer to the catalogues of the licence year.
 */
public record ExportLicenceForm(int year, String commodityCode, String portCode, String exporterCode,
        String consignorCode, String tradeModeCode, String countryCode, String transportModeCode,
        String paymentMethod, LocalDate validityEnd, String contractNumber, String currencyCode,
        String approvalNumber, List<SpecLine> lines, BigDecimal usdRate, String remarks, boolean oneBatch)
        implements Serializable {

    /** 总计: the sum of the lines' totals. */
    public BigDecimal grandTotal() {
        return lines == null ? BigDecimal.ZERO : lines.stream().map(SpecLine::total).filter(t -> t != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** 总值折美元, at the rate the enterprise gives for the currency. */
    public BigDecimal grandTotalUsd() {
        return usdRate == null ? null : grandTotal().multiply(usdRate).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    /** 数量 (box 14): the sum of the lines' quantities. */
    public BigDecimal totalQuantity() {
        return lines == null ? BigDecimal.ZERO : lines.stream().map(SpecLine::quantity).filter(q -> q != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
