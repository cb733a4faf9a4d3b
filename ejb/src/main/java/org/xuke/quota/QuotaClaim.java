package org.xuke.quota;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * A quantity of one enterprise's quota (year, category) claimed for one purpose: held for an
 * application under review ({@code reference} its application number), then drawn by the licence.
 */
public record QuotaClaim(long enterpriseId, int year, String categoryCode, BigDecimal quantity, String reference)
        implements Serializable {

    public QuotaClaim {
        if (categoryCode == null || categoryCode.isBlank() || reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("a quota claim needs a category and a reference");
        }
        if (quantity == null || quantity.signum() <= 0) {
            throw new IllegalArgumentException("a quota claim needs a positive quantity");
        }
    }
}
