package org.xuke.quota;

import java.io.Serializable;

/**
 * The search of the quota list: year, enterprise (a valid USCC finds that company, other text a
 * part of the name) and category (its start). Any part may be null.
 */
public record QuotaFilter(Integer year, String enterprise, String category) implements Serializable {
}
