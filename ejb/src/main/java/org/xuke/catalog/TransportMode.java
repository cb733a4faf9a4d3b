package org.xuke.catalog;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.regex.Pattern;

/** A transport mode (运输方式), one character, e.g. 2 水路运输. */
@Entity
@Cacheable
@Table(name = "cat_transport_mode")
public class TransportMode extends CatalogEntry {

    private static final Pattern CODE = Pattern.compile("[0-9A-Z]");

    @Column(name = "code", nullable = false, length = 1)
    private String code;

    @Column(name = "name_zh", nullable = false, length = 100)
    private String nameZh;

    @Column(name = "name_en", length = 200)
    private String nameEn;

    protected TransportMode() {
        // for JPA
    }

    public TransportMode(String code, String nameZh, String nameEn, Provenance provenance) {
        super(provenance);
        this.code = Guards.matching(code, "code", CODE, "1 digit or capital letter");
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
