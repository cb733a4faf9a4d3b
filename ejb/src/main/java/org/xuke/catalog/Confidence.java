package org.xuke.catalog;

/** How sure we are of a reference-data row (see shared/reference-data/SOURCES.md). */
public enum Confidence {
    /** Official table, or two or more independent sources agree. */
    H,
    /** One secondary source, or sources agree only partly. */
    M,
    /** Weak single secondary source. */
    L,
    /** Inferred or general knowledge: verify before relying on it. */
    I;

    public static Confidence parse(String value) {
        if (value == null || value.isBlank()) {
            throw new CatalogDataException("catalog.error.confidence", String.valueOf(value));
        }
        try {
            return valueOf(value.trim());
        } catch (IllegalArgumentException e) {
            throw new CatalogDataException("catalog.error.confidence", value);
        }
    }
}
