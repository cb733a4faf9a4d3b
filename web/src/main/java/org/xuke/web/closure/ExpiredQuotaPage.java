package org.xuke.web.closure;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import org.primefaces.model.LazyDataModel;
import org.xuke.catalog.IssuingAuthority;
import org.xuke.closure.ExpiredQuota;
import org.xuke.closure.ExpiredQuota.Row;
import org.xuke.licence.AuthoritySettings;
import org.xuke.platform.DomainRuleException;
import org.xuke.web.PagedModel;
import org.xuke.web.Texts;

/** 过期未用配额: the authority's expired licences still holding unused quota; give back one, or set it to go back by itself. */
@Named
@ViewScoped
public class ExpiredQuotaPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ExpiredQuota expired;

    @Inject
    private AuthoritySettings settings;

    private String number;
    private Boolean automatic;
    private IssuingAuthority own;
    private boolean ownRead;

    private final LazyDataModel<Row> model = new PagedModel<>((first, max, sort) -> expired.pageForCaller(number,
            first, max), Row::number);

    public void giveBack(String licence) {
        try {
            BigDecimal back = expired.giveBack(licence);
            Texts.info("expiredQuota.returnedOne", licence, back.stripTrailingZeros().toPlainString());
        } catch (DomainRuleException e) {
            Texts.refused(null, e);
        }
    }

    public void saveSetting() {
        try {
            IssuingAuthority own = settings.setQuotaReturnOnExpiry(Boolean.TRUE.equals(automatic));
            Texts.info(own.isQuotaReturnOnExpiry() ? "expiredQuota.automaticOn" : "expiredQuota.automaticOff");
        } catch (DomainRuleException e) {
            Texts.refused(null, e);
        }
    }

    /** Authority administrators set their own authority's rule (system administrators have none). */
    public boolean isOwnAuthority() {
        return own() != null;
    }

    /** The caller's authority, read once per view (the page asks in several places). */
    private IssuingAuthority own() {
        if (!ownRead) {
            own = settings.ownAuthority();
            ownRead = true;
        }
        return own;
    }

    public LazyDataModel<Row> getModel() {
        return model;
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public Boolean getAutomatic() {
        if (automatic == null) {
            IssuingAuthority mine = own();
            automatic = mine != null && mine.isQuotaReturnOnExpiry();
        }
        return automatic;
    }

    public void setAutomatic(Boolean automatic) {
        this.automatic = automatic;
    }
}
