package org.xuke.catalog;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.regex.Pattern;

/** A currency (币制) with its 3-digit customs code and ISO 4217 code, e.g. 502 USD 美元. */
@Entity
@Cacheable
@Table(name = "cat_currency")
public class Currency extends CatalogEntry {

    private static final Pattern CODE = Pattern.compile("\\d{3}");
    private static final Pattern ISO = Pattern.compile("[A-Z]{3}");

    @Column(name = "customs_code", nullable = false, length = 3)
    private String customsCode;

    @Column(name = "iso_alpha", nullable = false, length = 3)
    private String isoAlpha;

    @Column(name = "name_zh", nullable = false, length = 100)
    private String nameZh;

    @Column(name = "name_en", length = 200)
    private String nameEn;

    @Column(name = "in_use", nullable = false)
    private boolean inUse;

    protected Currency() {
        // for JPA
    }

    public Currency(String customsCode, String isoAlpha, String nameZh, String nameEn, String status,
            Provenance provenance) {
        super(provenance);
        this.customsCode = Guards.matching(customsCode, "customs_code", CODE, "3 digits");
        this.isoAlpha = Guards.matching(isoAlpha, "iso_alpha", ISO, "3 capital letters");
        this.nameZh = Guards.required(nameZh, "name_zh", 100);
        this.nameEn = Guards.optional(nameEn, "name_en", 200);
        this.inUse = !Guards.required(status, "status", 200).startsWith("legacy");
    }

    @Override
    public String businessKey() {
        return customsCode;
    }

    public String getCustomsCode() {
        return customsCode;
    }

    public String getIsoAlpha() {
        return isoAlpha;
    }

    public String getNameZh() {
        return nameZh;
    }

    public String getNameEn() {
        return nameEn;
    }

    public boolean isInUse() {
        return inUse;
    }
}
