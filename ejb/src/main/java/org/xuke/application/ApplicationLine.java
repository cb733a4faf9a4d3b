package org.xuke.application;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.math.BigDecimal;

/** A stored specification line (box 12). */
@Embeddable
public class ApplicationLine implements Serializable {

    private static final long serialVersionUID = 1L;

    @Column(name = "specification", nullable = false, length = 200)
    private String specification;

    @Column(name = "unit_price", nullable = false, precision = 18, scale = 4)
    private BigDecimal unitPrice;

    @Column(name = "quantity", nullable = false, precision = 18, scale = 5)
    private BigDecimal quantity;

    protected ApplicationLine() {
        // for JPA
    }

    ApplicationLine(SpecLine line) {
        this.specification = line.specification().strip();
        this.unitPrice = line.unitPrice();
        this.quantity = line.quantity();
    }

    public SpecLine toSpecLine() {
        return new SpecLine(specification, unitPrice.stripTrailingZeros(), quantity.stripTrailingZeros());
    }
}
