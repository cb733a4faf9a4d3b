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

    @Column(name = "related_codes", length = 40)
    private String relatedCodes;

    protected PaymentMethod() {
        // for JPA
    }

    public PaymentMethod(String codeSystem, String code, String nameZh, String nameEn, String relatedCodes,
            Provenance provenance) {
        super(Guards.optional(code, "code", 10), nameZh, nameEn, provenance);
        this.codeSystem = Guards.required(codeSystem, "code_system", 40);
        if (!LICENCE_FORM.equals(this.codeSystem) && !CUSTOMS_SETTLEMENT.equals(this.codeSystem)) {
            throw new CatalogDataException("catalog.error.codeSystem", this.codeSystem);
        }
        if (CUSTOMS_SETTLEMENT.equals(this.codeSystem) && getCode() == null) {
            throw new CatalogDataException("catalog.error.required", "code");
        }
        this.relatedCodes = Guards.optional(relatedCodes, "related_customs_codes", 40);
    }

    @Override
    public String businessKey() {
        return codeSystem + "/" + getNameZh();
    }

    public String getCodeSystem() {
        return codeSystem;
    }

    public String getRelatedCodes() {
        return relatedCodes;
    }
}
