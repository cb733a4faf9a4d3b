package org.xuke.catalog;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An issuing authority (发证机构) and its jurisdiction. The two-character code it puts in licence
 * numbers is not published; a bureau sets it when it deploys (blank until then).
 */
@Entity
@Cacheable
@Table(name = "cat_issuing_authority")
public class IssuingAuthority extends CatalogEntry {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_-]{1,39}");
    private static final Pattern LICENCE_CODE = Pattern.compile("[A-Z]{2,4}");
    private static final Set<String> LEVELS =
            Set.of("central", "special_commissioner", "provincial", "sub_provincial");

    @Column(name = "authority_level", nullable = false, length = 40)
    private String level;

    /** The jurisdiction: which region or enterprises the authority serves. */
    @Column(name = "region", nullable = false, length = 200)
    private String region;

    @Column(name = "licence_no_code", length = 4)
    private String licenceNumberCode;

    /** Set by the bureau: the unused quota of its expired licences goes back by itself (else it is listed). */
    @Column(name = "quota_return_on_expiry", nullable = false)
    private boolean quotaReturnOnExpiry;

    /** Set by the bureau: the nightly reconciliation writes off a fully used, cleared licence by itself. */
    @Column(name = "auto_write_off", nullable = false)
    private boolean autoWriteOff;

    protected IssuingAuthority() {
        // for JPA
    }

    public IssuingAuthority(String code, String nameZh, String nameEn, String level, String region,
            String licenceNumberCode, Provenance provenance) {
        super(Guards.matching(code, "id", CODE, "A-Z, 0-9, '_' or '-'"), nameZh, nameEn, provenance);
        this.level = Guards.required(level, "level", 40);
        if (!LEVELS.contains(this.level)) {
            throw new CatalogDataException("catalog.error.level", this.level);
        }
        this.region = Guards.required(region, "region", 200);
        this.licenceNumberCode =
                Guards.optionalMatching(licenceNumberCode, "licence_no_code", LICENCE_CODE, "2 to 4 capital letters");
    }

    @Override
    public String businessKey() {
        return getCode();
    }

    public String getLevel() {
        return level;
    }

    public String getRegion() {
        return region;
    }

    /** Set by the bureau at deployment (the codes are not published). */
    public void assignLicenceNumberCode(String code) {
        this.licenceNumberCode = Guards.optionalMatching(code, "licence_no_code", LICENCE_CODE,
                "2 to 4 capital letters");
    }

    public String getLicenceNumberCode() {
        return licenceNumberCode;
    }

    public boolean isQuotaReturnOnExpiry() {
        return quotaReturnOnExpiry;
    }

    public void returnQuotaOnExpiry(boolean automatically) {
        this.quotaReturnOnExpiry = automatically;
    }

    public boolean isAutoWriteOff() {
        return autoWriteOff;
    }

    public void writeOffAutomatically(boolean automatically) {
        this.autoWriteOff = automatically;
    }
}
