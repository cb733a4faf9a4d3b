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

    /** Which way the goods go under this mode: import, export or both (read from the official full name). */
    @Column(name = "direction", nullable = false, length = 6)
    private String direction = BOTH;

    public static final String IMPORT = "import";
    public static final String EXPORT = "export";
    public static final String BOTH = "both";
    private static final Pattern DIRECTION = Pattern.compile("import|export|both");

    protected TradeMode() {
        // for JPA
    }

    public TradeMode(String code, String nameZh, String nameFullZh, String nameEn, String status,
            Provenance provenance) {
        this(code, nameZh, nameFullZh, nameEn, status, BOTH, provenance);
    }

    public TradeMode(String code, String nameZh, String nameFullZh, String nameEn, String status, String direction,
            Provenance provenance) {
        super(Guards.matching(code, "code", CODE, "4 digits"), nameZh, nameEn, provenance);
        this.nameFullZh = Guards.optional(nameFullZh, "name_full_zh", 200);
        this.status = Guards.required(status, "status", 200);
        this.inUse = !this.status.startsWith("legacy");
        this.direction = direction == null || direction.isBlank() ? BOTH
                : Guards.matching(direction.strip(), "direction", DIRECTION, "import, export or both");
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

    public String getDirection() {
        return direction;
    }

    /** Goods may leave the country under this mode (what an export licence may name). */
    public boolean allowsExport() {
        return !IMPORT.equals(direction);
    }
}
