package org.xuke.catalog;

import java.io.Serializable;

/**
 * What a user searches a catalogue by (seed 001: 年度, 商品代码, 商品大类码, 商品名称): year exact,
 * code by prefix, category exact, name as a case-insensitive fragment of any name column.
 */
public record CatalogFilter(Integer year, String code, String category, String name) implements Serializable {

    public static CatalogFilter none() {
        return new CatalogFilter(null, null, null, null);
    }
}
