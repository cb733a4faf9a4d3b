package org.xuke.catalog;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.regex.Pattern;

/**
 * One entry of a year's export licence goods list (出口许可证管理货物目录), e.g. 大米 or 钨及钨制品.
 * Commodities point at it through their category code; quotas are kept per goods entry.
 */
@Entity
@Cacheable
@Table(name = "cat_licensed_goods")
public class LicensedGoods extends CatalogEntry {

    private static final Pattern CODE = Pattern.compile("EL\\d{2}");

    @Column(name = "catalog_year", nullable = false)
    private int catalogYear;

    @Column(name = "management", nullable = false, length = 400)
    private String management;

    @Column(name = "quota", nullable = false, length = 100)
    private String quota;

    @Column(name = "issuing_level", length = 200)
    private String issuingLevel;

    @Column(name = "hs_headings", length = 200)
    private String hsHeadings;

    @Column(name = "example_codes", length = 400)
    private String exampleCodes;

    protected LicensedGoods() {
        // for JPA
    }

    public LicensedGoods(int catalogYear, String code, String nameZh, String management, String quota,
            String issuingLevel, String hsHeadings, String exampleCodes, Provenance provenance) {
        super(Guards.matching(code, "code", CODE, "EL + 2 digits"), nameZh, null, provenance);
        this.catalogYear = Guards.year(catalogYear);
        this.management = Guards.required(management, "management", 400);
        this.quota = Guards.required(quota, "quota", 100);
        this.issuingLevel = Guards.optional(issuingLevel, "issuing_level", 200);
        this.hsHeadings = Guards.optional(hsHeadings, "hs_headings_indicative", 200);
        this.exampleCodes = Guards.optional(exampleCodes, "example_codes", 400);
    }

    /** The category code commodities use for the goods entry with this list number. */
    public static String codeFor(int sequence) {
        return String.format("EL%02d", sequence);
    }

    @Override
    public String businessKey() {
        return catalogYear + "/" + getCode();
    }

    public boolean isQuotaGoods() {
        return quota.startsWith("Y");
    }

    public int getCatalogYear() {
        return catalogYear;
    }

    public String getManagement() {
        return management;
    }

    public String getQuota() {
        return quota;
    }

    public String getIssuingLevel() {
        return issuingLevel;
    }

    public String getHsHeadings() {
        return hsHeadings;
    }

    public String getExampleCodes() {
        return exampleCodes;
    }
}
