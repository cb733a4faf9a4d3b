package org.xuke.catalog;

import java.util.regex.Pattern;

/** Constructor guards shared by the catalogue entities. */
final class Guards {

    private Guards() {
    }

    static String required(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new CatalogDataException("catalog.error.required", field);
        }
        return optional(value, field, maxLength);
    }

    static String optional(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw new CatalogDataException("catalog.error.tooLong", field, String.valueOf(maxLength));
        }
        return trimmed;
    }

    static String matching(String value, String field, Pattern pattern, String expected) {
        String trimmed = required(value, field, 200);
        if (!pattern.matcher(trimmed).matches()) {
            throw new CatalogDataException("catalog.error.format", field, trimmed, expected);
        }
        return trimmed;
    }

    static String optionalMatching(String value, String field, Pattern pattern, String expected) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return matching(value, field, pattern, expected);
    }

    static int year(int year) {
        if (year < 2000 || year > 2099) {
            throw new CatalogDataException("catalog.error.year", String.valueOf(year));
        }
        return year;
    }
}
