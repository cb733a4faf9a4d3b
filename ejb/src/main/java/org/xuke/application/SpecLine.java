package org.xuke.application;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** One line of box 12 (规格、等级): specification, unit price, quantity; the total is computed. */
public record SpecLine(String specification, BigDecimal unitPrice, BigDecimal quantity) implements Serializable {

    /** 总值 = 单价 × 数量, to the cent. */
    public BigDecimal total() {
        return unitPrice == null || quantity == null ? null
                : unitPrice.multiply(quantity).setScale(2, RoundingMode.HALF_UP);
    }
}
