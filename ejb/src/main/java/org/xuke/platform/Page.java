package org.xuke.platform;

import java.io.Serializable;
import java.util.List;

/** One page of a list and the size of the whole list, as a boundary answers a list page in one call. */
public record Page<R>(List<R> rows, long total) implements Serializable {

    public Page {
        rows = List.copyOf(rows);
    }
}
