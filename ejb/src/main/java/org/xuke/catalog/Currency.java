package org.xuke.catalog;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.regex.Pattern;

/** A currency (币制) with its 3-digit customs code and ISO 4217 code, e.g. 502 USD 美元. */
@Entity
@Cacheable
@Table(name = "cat_currency")
@AttributeOverride(name = "code", column = @Column(name = "customs_code"))
public class Currency extends CatalogEntry {

    private static final Pattern CODE = Pattern.compile("\\d{3}");
    private static final Pattern ISO = Pattern.compile("[A-Z]{3}");

    @Column(name = "iso_alpha", nullable = false, length = 3)
    private String isoAlpha;

    @Column(name = "in_use", nullable = false)
    private boolean inUse;

    protected Currency() {
        // for JPA
    }

    public Currency(String customsCode, String isoAlpha, String nameZh, String nameEn, String status,
            Provenance provenance) {
        super(Guards.matching(customsCode, "customs_code", CODE, "3 digits"), nameZh, nameEn, provenance);
        this.isoAlpha = Guards.matching(isoAlpha, "iso_alpha", ISO, "3 capital letters");
        this.inUse = !Guards.required(status, "status", 200).startsWith("legacy");
    }

    @Override
    public String businessKey() {
        return getCode();
    }

    public String getIsoAlpha() {
        return isoAlpha;
    }

    public boolean isInUse() {
        return inUse;
    }
}
