package org.xuke.web.application;

import jakarta.faces.view.ViewScoped;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.xuke.catalog.IssuingAuthority;
import org.xuke.licence.AuthoritySettings;
import org.xuke.platform.DomainRuleException;
import org.xuke.quota.QuotaService;
import org.xuke.web.Texts;

/** 配额与发证机构设置: the authority administrator's licence number code and the quota allocations (the list: {@code QuotaQueryPage}). */
@Named
@ViewScoped
public class QuotaPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private QuotaService quotas;

    @Inject
    private AuthoritySettings settings;

    private String licenceCode;
    private String uscc;
    @Inject
    private Clock clock;

    private Integer year;

    /** Defaults from the application's clock (China time), once injected. */
    @PostConstruct
    void defaults() {
        year = LocalDate.now(clock).getYear();
    }
    private String category;
    private BigDecimal quantity;
    private String document;

    public IssuingAuthority getAuthority() {
        return settings.ownAuthority();
    }

    public void saveLicenceCode() {
        try {
            IssuingAuthority authority = settings.setLicenceNumberCode(licenceCode);
            Texts.info("quotaPage.codeSaved", authority.getNameZh(), authority.getLicenceNumberCode());
            licenceCode = null;
        } catch (DomainRuleException e) {
            Texts.refused("code:licenceCode", e);
        }
    }

    public void allocate() {
        try {
            // the message names the category as stored (upper case), whatever was typed
            var saved = quotas.allocate(uscc, year, category, quantity, document);
            Texts.info("quotaPage.saved", uscc.strip(), year, saved.getCategoryCode());
            uscc = null;
            category = null;
            quantity = null;
            document = null;
        } catch (DomainRuleException e) {
            Texts.refused(null, e);
        }
    }

    public String getLicenceCode() {
        return licenceCode;
    }

    public void setLicenceCode(String licenceCode) {
        this.licenceCode = licenceCode;
    }

    public String getUscc() {
        return uscc;
    }

    public void setUscc(String uscc) {
        this.uscc = uscc;
    }

    public int getYear() {
        return year;
    }

    public void setYear(int year) {
        this.year = year;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public void setQuantity(BigDecimal quantity) {
        this.quantity = quantity;
    }

    public String getDocument() {
        return document;
    }

    public void setDocument(String document) {
        this.document = document;
    }
}
