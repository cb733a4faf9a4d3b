package org.xuke.web.enterprise;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;

import org.xuke.catalog.CatalogService;
import org.xuke.enterprise.Enterprise;
import org.xuke.enterprise.EnterpriseDetails;
import org.xuke.enterprise.EnterpriseService;
import org.xuke.platform.DomainRuleException;
import org.xuke.web.RecordPages;
import org.xuke.web.Texts;

/**
 * 申请企业信息: an enterprise record. Which record may be shown is decided by the boundary from
 * the signed-in caller; an id in the URL outside his scope answers 404, like a missing one.
 */
@Named
@ViewScoped
public class EnterpriseRecordPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private EnterpriseService enterprises;

    @Inject
    private CatalogService catalogs;

    private Long id;
    private Enterprise enterprise;
    private long seenVersion;
    private String name;
    private String enterpriseCode;
    private String address;
    private String contactName;
    private String contactPhone;
    private String filingNumber;

    /** f:viewAction */
    public void load() throws IOException {
        enterprise = RecordPages.load(() -> id == null ? enterprises.ownForCaller() : enterprises.viewForCaller(id));
        if (enterprise == null) {
            return;
        }
        seenVersion = enterprise.getVersion();
        name = enterprise.getName();
        enterpriseCode = enterprise.getEnterpriseCode() == null ? null : enterprise.getEnterpriseCode().value();
        address = enterprise.getAddress();
        contactName = enterprise.getContactName();
        contactPhone = enterprise.getContactPhone();
        filingNumber = enterprise.getFilingNumber();
    }

    public void save() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            enterprise = enterprises.updateOwn(seenVersion, new EnterpriseDetails(name, enterpriseCode, address,
                    contactName, contactPhone, filingNumber));
            seenVersion = enterprise.getVersion();
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, Texts.text("enterprise.saved"), null));
        } catch (DomainRuleException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, Texts.rule(e.key(), e.arguments()),
                    null));
        }
    }

    /** The serving authority by its name (the catalogue's), not its internal code. */
    public String getAuthorityName() {
        if (enterprise == null) {
            return null;
        }
        var authority = catalogs.findAuthority(enterprise.getAuthorityCode());
        return authority == null ? enterprise.getAuthorityCode() : authority.getNameZh();
    }

    public Enterprise getEnterprise() {
        return enterprise;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEnterpriseCode() {
        return enterpriseCode;
    }

    public void setEnterpriseCode(String enterpriseCode) {
        this.enterpriseCode = enterpriseCode;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getContactName() {
        return contactName;
    }

    public void setContactName(String contactName) {
        this.contactName = contactName;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public void setContactPhone(String contactPhone) {
        this.contactPhone = contactPhone;
    }

    public String getFilingNumber() {
        return filingNumber;
    }

    public void setFilingNumber(String filingNumber) {
        this.filingNumber = filingNumber;
    }

}
