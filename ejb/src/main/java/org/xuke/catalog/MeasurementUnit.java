package org.xuke.catalog;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.regex.Pattern;

/** A unit of measure (计量单位) with its 3-digit customs code, e.g. 035 千克. */
@Entity
@Cacheable
@Table(name = "cat_unit")
public class MeasurementUnit extends CatalogEntry {

    private static final Pattern CODE = Pattern.compile("\\d{3}");

    @Column(name = "code", nullable = false, length = 3)
    private String code;

    @Column(name = "name_zh", nullable = false, length = 100)
    private String nameZh;

    @Column(name = "name_en", length = 200)
    private String nameEn;

    protected MeasurementUnit() {
        // for JPA
    }

    public MeasurementUnit(String code, String nameZh, String nameEn, Provenance provenance) {
        super(provenance);
        this.code = Guards.matching(code, "code", CODE, "3 digits");
        this.nameZh = Guards.required(nameZh, "name_zh", 100);
        this.nameEn = Guards.optional(nameEn, "name_en", 200);
    }

    @Override
    public String businessKey() {
        return code;
    }

    public String getCode() {
        return code;
    }

    public String getNameZh() {
        return nameZh;
    }

    public String getNameEn() {
        return nameEn;
    }
}
