package org.xuke.quota;

import java.io.Serializable;

/**
 * The search of the quota list: year, enterprise (part of its name or of its USCC) and category
 * (its start). Any part may be null.
 */
public record QuotaFilter(Integer year, String enterprise, String category) implements Serializable {
}
