package org.xuke.catalog;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A commodity of one year's catalogue (商品目录): 10-digit code (HS 8 + 2 national), the
 * licences it needs and how it is managed. The same code may differ from year to year, so the
 * business key is year + code.
 */
@Entity
@Cacheable
@Table(name = "cat_commodity")
public class Commodity extends CatalogEntry {

    private static final Pattern CODE = Pattern.compile("\\d{10}");
    private static final Pattern UNIT = Pattern.compile("\\d{3}");
    private static final BigDecimal MAX_TOLERANCE = new BigDecimal("20");

    @Column(name = "catalog_year", nullable = false)
    private int catalogYear;

    @Column(name = "category_code", nullable = false, length = 20)
    private String categoryCode;

    @Column(name = "unit_code", nullable = false, length = 3)
    private String unitCode;

    @Column(name = "management", nullable = false, length = 200)
    private String management;

    @Column(name = "licence_kinds", nullable = false, length = 20)
    private String licenceKinds;

    @Column(name = "quota", nullable = false)
    private boolean quota;

    /** Whether an application needs an approval reply / certificate number (批复单号 / 证明书编号). */
    @Column(name = "requires_approval", nullable = false)
    private boolean requiresApproval;

    /** Overshipment tolerance (溢装) in percent; 0 where none is allowed. */
    @Column(name = "overshipment_pct", nullable = false, precision = 5, scale = 2)
    private BigDecimal overshipmentPercent;

    /** False where no public source confirms the 10-digit code for this year. */
    @Column(name = "code_confirmed", nullable = false)
    private boolean codeConfirmed;

    protected Commodity() {
        // for JPA
    }

    public Commodity(int catalogYear, String code, String nameZh, String nameEn, String categoryCode,
            String unitCode, String management, Set<LicenceKind> licenceKinds, boolean quota,
            boolean requiresApproval, BigDecimal overshipmentPercent, boolean codeConfirmed,
            Provenance provenance) {
        super(Guards.matching(code, "code", CODE, "10 digits"), nameZh, nameEn, provenance);
        this.catalogYear = Guards.year(catalogYear);
        this.categoryCode = Guards.required(categoryCode, "category_code", 20);
        this.unitCode = Guards.matching(unitCode, "unit_code", UNIT, "3 digits");
        this.management = Guards.required(management, "management", 200);
        if (licenceKinds == null || licenceKinds.isEmpty()) {
            throw new CatalogDataException("catalog.error.required", "licence_kinds");
        }
        this.licenceKinds = LicenceKind.format(licenceKinds);
        this.quota = quota;
        this.requiresApproval = requiresApproval;
        if (overshipmentPercent == null || overshipmentPercent.signum() < 0
                || overshipmentPercent.compareTo(MAX_TOLERANCE) > 0) {
            throw new CatalogDataException("catalog.error.tolerance", String.valueOf(overshipmentPercent));
        }
        this.overshipmentPercent = overshipmentPercent.setScale(2);
        this.codeConfirmed = codeConfirmed;
    }

    @Override
    public String businessKey() {
        return catalogYear + "/" + getCode();
    }

    public boolean requires(LicenceKind kind) {
        return getLicenceKindSet().contains(kind);
    }

    public Set<LicenceKind> getLicenceKindSet() {
        return LicenceKind.parseList(licenceKinds);
    }

    public int getCatalogYear() {
        return catalogYear;
    }

    public String getCategoryCode() {
        return categoryCode;
    }

    public String getUnitCode() {
        return unitCode;
    }

    public String getManagement() {
        return management;
    }

    public String getLicenceKinds() {
        return licenceKinds;
    }

    public boolean isQuota() {
        return quota;
    }

    public boolean isRequiresApproval() {
        return requiresApproval;
    }

    public BigDecimal getOvershipmentPercent() {
        return overshipmentPercent;
    }

    public boolean isCodeConfirmed() {
        return codeConfirmed;
    }
}
