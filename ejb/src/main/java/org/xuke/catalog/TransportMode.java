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

    protected TransportMode() {
        // for JPA
    }

    public TransportMode(String code, String nameZh, String nameEn, Provenance provenance) {
        super(Guards.matching(code, "code", CODE, "1 digit or capital letter"), nameZh, nameEn, provenance);
    }

    @Override
    public String businessKey() {
        return getCode();
    }

}
