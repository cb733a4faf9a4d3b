package org.xuke.quota;

import java.io.Serializable;

/**
 * The search of the quota lists: year, enterprise (part of its name or of its USCC; the officers'
 * list only), category (its start) and 配额文号 (part of it). Any part may be null.
 */
public record QuotaFilter(Integer year, String enterprise, String category, String document) implements Serializable {

    public QuotaFilter(Integer year, String enterprise, String category) {
        this(year, enterprise, category, null);
    }
}
