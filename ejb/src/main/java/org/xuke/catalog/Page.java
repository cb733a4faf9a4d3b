package org.xuke.catalog;

import java.io.Serializable;
import java.util.List;

/** One page of a result list and the size of the whole result. */
public record Page<T>(List<T> rows, long total) implements Serializable {

    public Page {
        rows = List.copyOf(rows);
    }
}
