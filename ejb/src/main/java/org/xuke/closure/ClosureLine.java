package org.xuke.closure;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.math.BigDecimal;

/** 核销数量: the quantity the enterprise states as used on one licence line. */
@Embeddable
public class ClosureLine implements Serializable {

    private static final long serialVersionUID = 1L;

    @Column(name = "line_number", nullable = false)
    private int lineNumber;

    @Column(name = "quantity", nullable = false, precision = 18, scale = 5)
    private BigDecimal quantity;

    protected ClosureLine() {
        // for JPA
    }

    ClosureLine(int lineNumber, BigDecimal quantity) {
        this.lineNumber = lineNumber;
        this.quantity = quantity;
    }

    public int getLineNumber() {
        return lineNumber;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }
}
