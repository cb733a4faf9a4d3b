package org.xuke.catalog;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.regex.Pattern;

/** A customs trade mode (监管方式 / 贸易方式), e.g. 0110 一般贸易. */
@Entity
@Cacheable
@Table(name = "cat_trade_mode")
public class TradeMode extends CatalogEntry {

    private static final Pattern CODE = Pattern.compile("\\d{4}");

    @Column(name = "name_full_zh", length = 200)
    private String nameFullZh;

    @Column(name = "status", nullable = false, length = 200)
    private String status;

    /** False for legacy codes that are not offered for new applications. */
    @Column(name = "in_use", nullable = false)
    private boolean inUse;

    protected TradeMode() {
        // for JPA
    }

    public TradeMode(String code, String nameZh, String nameFullZh, String nameEn, String status,
            Provenance provenance) {
        super(Guards.matching(code, "code", CODE, "4 digits"), nameZh, nameEn, provenance);
        this.nameFullZh = Guards.optional(nameFullZh, "name_full_zh", 200);
        this.status = Guards.required(status, "status", 200);
        this.inUse = !this.status.startsWith("legacy");
    }

    @Override
    public String businessKey() {
        return getCode();
    }

    public String getNameFullZh() {
        return nameFullZh;
    }

    public String getStatus() {
        return status;
    }

    public boolean isInUse() {
        return inUse;
    }
}
