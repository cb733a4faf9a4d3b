package org.xuke.catalog;

/** What an import may check against the catalogues already loaded. */
public interface ImportContext {

    boolean unitExists(String code);

    boolean licensedGoodsExists(int year, String code);
}
