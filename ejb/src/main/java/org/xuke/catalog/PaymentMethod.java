package org.xuke.catalog;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A payment method (支付方式). Two code systems coexist: the licence form's own list (no codes
 * known) and the customs settlement modes (结汇方式, 1-9).
 */
@Entity
@Cacheable
@Table(name = "cat_payment_method")
public class PaymentMethod extends CatalogEntry {

    public static final String LICENCE_FORM = "licence_form";
    public static final String CUSTOMS_SETTLEMENT = "customs_settlement_mode";

    @Column(name = "code_system", nullable = false, length = 40)
    private String codeSystem;

    @Column(name = "code", length = 10)
    private String code;

    @Column(name = "name_zh", nullable = false, length = 100)
    private String nameZh;

    @Column(name = "name_en", length = 200)
    private String nameEn;

    @Column(name = "related_codes", length = 40)
    private String relatedCodes;

    protected PaymentMethod() {
        // for JPA
    }

    public PaymentMethod(String codeSystem, String code, String nameZh, String nameEn, String relatedCodes,
            Provenance provenance) {
        super(provenance);
        this.codeSystem = Guards.required(codeSystem, "code_system", 40);
        if (!LICENCE_FORM.equals(this.codeSystem) && !CUSTOMS_SETTLEMENT.equals(this.codeSystem)) {
            throw new CatalogDataException("catalog.error.codeSystem", this.codeSystem);
        }
        this.code = Guards.optional(code, "code", 10);
        if (CUSTOMS_SETTLEMENT.equals(this.codeSystem) && this.code == null) {
            throw new CatalogDataException("catalog.error.required", "code");
        }
        this.nameZh = Guards.required(nameZh, "name_zh", 100);
        this.nameEn = Guards.optional(nameEn, "name_en", 200);
        this.relatedCodes = Guards.optional(relatedCodes, "related_customs_codes", 40);
    }

    @Override
    public String businessKey() {
        return codeSystem + "/" + nameZh;
    }

    public String getCodeSystem() {
        return codeSystem;
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

    public String getRelatedCodes() {
        return relatedCodes;
    }
}
