package org.xuke.catalog;

import jakarta.persistence.AttributeOverride;
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
@AttributeOverride(name = "code", column = @Column(name = "customs_code"))
public class Country extends CatalogEntry {

    private static final Pattern CUSTOMS = Pattern.compile("\\d{3}");
    private static final Pattern ALPHA3 = Pattern.compile("[A-Z]{3}");
    private static final Pattern ALPHA2 = Pattern.compile("[A-Z]{2}");

    @Column(name = "iso_alpha3", length = 3)
    private String isoAlpha3;

    @Column(name = "iso_alpha2", length = 2)
    private String isoAlpha2;

    /** Whether goods may be licensed to it: not China itself, an unknown or a dissolved country. */
    @Column(name = "destination", nullable = false)
    private boolean destination;

    protected Country() {
        // for JPA
    }

    public Country(String customsCode, String isoAlpha3, String isoAlpha2, String nameZh, String nameEn,
            boolean destination, Provenance provenance) {
        super(Guards.matching(customsCode, "customs_code", CUSTOMS, "3 digits"), nameZh, nameEn, provenance);
        this.isoAlpha3 = Guards.optionalMatching(isoAlpha3, "iso_alpha3", ALPHA3, "3 capital letters");
        this.isoAlpha2 = Guards.optionalMatching(isoAlpha2, "iso_alpha2", ALPHA2, "2 capital letters");
        this.destination = destination;
    }

    @Override
    public String businessKey() {
        return getCode() + "/" + (isoAlpha3 == null ? "" : isoAlpha3);
    }

    public String getIsoAlpha3() {
        return isoAlpha3;
    }

    public String getIsoAlpha2() {
        return isoAlpha2;
    }

    public boolean isDestination() {
        return destination;
    }

}
