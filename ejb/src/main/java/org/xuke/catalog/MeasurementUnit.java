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

    protected MeasurementUnit() {
        // for JPA
    }

    public MeasurementUnit(String code, String nameZh, String nameEn, Provenance provenance) {
        super(Guards.matching(code, "code", CODE, "3 digits"), nameZh, nameEn, provenance);
    }

    @Override
    public String businessKey() {
        return getCode();
    }

}
