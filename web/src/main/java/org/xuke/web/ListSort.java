package org.xuke.web;

import java.util.Map;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The one column a lazy table is sorted by (single sort mode), as the boundaries take it: the
 * column's field, or null when the user has not sorted (each list then has its own default order),
 * and the direction (ascending when unsorted).
 */
public record ListSort(String field, boolean ascending) {

    public static ListSort of(Map<String, SortMeta> sortBy) {
        return sortBy.values().stream().filter(s -> s.getOrder() != SortOrder.UNSORTED).findFirst()
                .map(s -> new ListSort(s.getField(), s.getOrder() == SortOrder.ASCENDING))
                .orElse(new ListSort(null, true));
    }

    public boolean sorted() {
        return field != null;
    }
}
