package org.xuke.catalog;

import java.io.Serializable;
import java.util.List;

/**
 * The outcome of a catalogue import: either every row was valid and all were stored, or nothing
 * was stored and {@link #errors()} says which lines are wrong and why.
 */
public record ImportReport(CatalogKind kind, Integer year, String fileName, int rowsRead, int rowsStored,
        List<RowError> errors) implements Serializable {

    public ImportReport {
        errors = List.copyOf(errors);
    }

    public boolean imported() {
        return errors.isEmpty();
    }
}
