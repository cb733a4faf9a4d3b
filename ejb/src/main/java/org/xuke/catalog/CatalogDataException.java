package org.xuke.catalog;

import org.xuke.platform.DomainRuleException;

/** A catalogue value that breaks a rule; the key is one of {@code org.xuke.catalog.CatalogMessages}. */
public class CatalogDataException extends DomainRuleException {

    private static final long serialVersionUID = 1L;

    public CatalogDataException(String key, String... arguments) {
        super(key, arguments);
    }
}
