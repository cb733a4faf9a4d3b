package org.xuke.catalog;

import java.math.BigDecimal;
import java.util.Map;

/** One data row of a catalogue CSV file, with its line number for error reports. */
public final class CsvRow {

    private final long line;
    private final Map<String, String> values;

    CsvRow(long line, Map<String, String> values) {
        this.line = line;
        this.values = values;
    }

    public long line() {
        return line;
    }

    /** The trimmed value, or null when the column is blank or absent. */
    public String get(String column) {
        String value = values.get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String required(String column) {
        String value = get(column);
        if (value == null) {
            throw new CatalogDataException("catalog.error.required", column);
        }
        return value;
    }

    public int integer(String column) {
        String value = required(column);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new CatalogDataException("catalog.error.number", column, value);
        }
    }

    public BigDecimal decimal(String column) {
        String value = required(column);
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new CatalogDataException("catalog.error.number", column, value);
        }
    }

    /** A Y/N flag. */
    public boolean flag(String column) {
        String value = required(column);
        return switch (value) {
            case "Y" -> true;
            case "N" -> false;
            default -> throw new CatalogDataException("catalog.error.flag", column, value);
        };
    }

    public Provenance provenance() {
        return new Provenance(required("source"), Confidence.parse(get("confidence")), get("notes"));
    }
}
