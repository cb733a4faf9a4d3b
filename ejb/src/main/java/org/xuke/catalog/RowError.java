package org.xuke.catalog;

import java.io.Serializable;
import java.util.List;

/**
 * Why a line of an import file was refused. Line 0 means the file as a whole (empty, no header,
 * missing columns). The message is a key of {@code CatalogMessages} with its arguments.
 */
public record RowError(long line, String key, List<String> arguments) implements Serializable {

    public RowError {
        arguments = List.copyOf(arguments);
    }
}
