package org.xuke.catalog;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A customs district or port (关区 / 报关口岸). The first two digits name the direct customs
 * district the port belongs to.
 */
@Entity
@Cacheable
@Table(name = "cat_customs_port")
public class CustomsPort extends CatalogEntry {

    private static final Pattern CODE = Pattern.compile("\\d{4}");
    private static final Set<String> LEVELS = Set.of("headquarters", "direct", "subordinate", "other");

    @Column(name = "name_full_zh", length = 200)
    private String nameFullZh;

    @Column(name = "port_level", nullable = false, length = 20)
    private String level;

    @Column(name = "parent_code", length = 4)
    private String parentCode;

    @Column(name = "province_zh", length = 40)
    private String provinceZh;

    protected CustomsPort() {
        // for JPA
    }

    public CustomsPort(String code, String nameZh, String nameFullZh, String level, String parentCode,
            String provinceZh, String nameEn, Provenance provenance) {
        super(Guards.matching(code, "code", CODE, "4 digits"), nameZh, nameEn, provenance);
        this.nameFullZh = Guards.optional(nameFullZh, "name_full_zh", 200);
        this.level = Guards.required(level, "level", 20);
        if (!LEVELS.contains(this.level)) {
            throw new CatalogDataException("catalog.error.level", this.level);
        }
        this.parentCode = Guards.optionalMatching(parentCode, "parent_code", CODE, "4 digits");
        this.provinceZh = Guards.optional(provinceZh, "province_zh", 40);
    }

    @Override
    public String businessKey() {
        return getCode();
    }

    /** A port where goods are declared; headquarters and administrative rows are not. */
    public boolean isDeclarationPort() {
        return "direct".equals(level) || "subordinate".equals(level);
    }

    public String getNameFullZh() {
        return nameFullZh;
    }

    public String getLevel() {
        return level;
    }

    public String getParentCode() {
        return parentCode;
    }

    public String getProvinceZh() {
        return provinceZh;
    }

}
