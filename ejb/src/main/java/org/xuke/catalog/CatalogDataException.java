package org.xuke.catalog;

import java.util.List;

/**
 * A catalogue value that breaks a rule. Carries a message key of
 * {@code org.xuke.catalog.CatalogMessages} and its arguments, so the portal shows it in the
 * user's language.
 */
public class CatalogDataException extends RuntimeException {

    private final String key;
    private final List<String> arguments;

    public CatalogDataException(String key, String... arguments) {
        super(key + " " + String.join(", ", arguments));
        this.key = key;
        this.arguments = List.of(arguments);
    }

    public String key() {
        return key;
    }

    public List<String> arguments() {
        return arguments;
    }
}
