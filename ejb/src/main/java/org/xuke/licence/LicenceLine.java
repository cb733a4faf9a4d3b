package org.xuke.licence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One goods line of a licence as a row ({@code licence_line}): what customs declares against and
 * the reconciliation counts per line. Copied at issue from the sealed content, never changed.
 */
@Embeddable
public class LicenceLine implements Serializable {

    private static final long serialVersionUID = 1L;

    @Column(name = "line_number", nullable = false, updatable = false)
    private int lineNumber;

    @Column(name = "commodity_code", nullable = false, updatable = false, length = 10)
    private String commodityCode;

    @Column(name = "specification", updatable = false, length = 200)
    private String specification;

    @Column(name = "unit_code", updatable = false, length = 10)
    private String unitCode;

    @Column(name = "quantity", nullable = false, updatable = false, precision = 18, scale = 5)
    private BigDecimal quantity;

    @Column(name = "unit_price", updatable = false, precision = 18, scale = 4)
    private BigDecimal unitPrice;

    @Column(name = "amount", updatable = false, precision = 18, scale = 2)
    private BigDecimal amount;

    protected LicenceLine() {
        // for JPA
    }

    public LicenceLine(int lineNumber, String commodityCode, String specification, String unitCode,
            BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount) {
        if (lineNumber < 1 || commodityCode == null || commodityCode.isBlank() || quantity == null
                || quantity.signum() <= 0) {
            throw new IllegalArgumentException("a licence line needs a number from 1, a commodity and a positive quantity");
        }
        this.lineNumber = lineNumber;
        this.commodityCode = commodityCode;
        this.specification = specification;
        this.unitCode = unitCode;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
        this.amount = amount;
    }

    public int getLineNumber() {
        return lineNumber;
    }

    public String getCommodityCode() {
        return commodityCode;
    }

    public String getSpecification() {
        return specification;
    }

    public String getUnitCode() {
        return unitCode;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LicenceLine that && lineNumber == that.lineNumber
                && commodityCode.equals(that.commodityCode) && quantity.compareTo(that.quantity) == 0
                && Objects.equals(specification, that.specification);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lineNumber, commodityCode);
    }
}
