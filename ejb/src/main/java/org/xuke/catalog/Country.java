package org.xuke.catalog;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.regex.Pattern;

/**
 * A country or region (国别(地区)) with its customs code. Old 3-digit customs codes are not unique
 * (aggregate codes cover several territories), so the key is customs code + ISO alpha-3.
 */
@Entity
@Cacheable
@Table(name = "cat_country")
public class Country extends CatalogEntry {

    private static final Pattern CUSTOMS = Pattern.compile("\\d{3}");
    private static final Pattern ALPHA3 = Pattern.compile("[A-Z]{3}");
    private static final Pattern ALPHA2 = Pattern.compile("[A-Z]{2}");

    @Column(name = "customs_code", nullable = false, length = 3)
    private String customsCode;

    @Column(name = "iso_alpha3", length = 3)
    private String isoAlpha3;

    @Column(name = "iso_alpha2", length = 2)
    private String isoAlpha2;

    @Column(name = "name_zh", nullable = false, length = 100)
    private String nameZh;

    @Column(name = "name_en", length = 200)
    private String nameEn;

    protected Country() {
        // for JPA
    }

    public Country(String customsCode, String isoAlpha3, String isoAlpha2, String nameZh, String nameEn,
            Provenance provenance) {
        super(provenance);
        this.customsCode = Guards.matching(customsCode, "customs_code", CUSTOMS, "3 digits");
        this.isoAlpha3 = Guards.optionalMatching(isoAlpha3, "iso_alpha3", ALPHA3, "3 capital letters");
        this.isoAlpha2 = Guards.optionalMatching(isoAlpha2, "iso_alpha2", ALPHA2, "2 capital letters");
        this.nameZh = Guards.required(nameZh, "name_zh", 100);
        this.nameEn = Guards.optional(nameEn, "name_en", 200);
    }

    @Override
    public String businessKey() {
        return customsCode + "/" + (isoAlpha3 == null ? "" : isoAlpha3);
    }

    public String getCustomsCode() {
        return customsCode;
    }

    public String getIsoAlpha3() {
        return isoAlpha3;
    }

    public String getIsoAlpha2() {
        return isoAlpha2;
    }

    public String getNameZh() {
        return nameZh;
    }

    public String getNameEn() {
        return nameEn;
    }
}
