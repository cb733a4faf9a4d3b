package org.xuke.web.ekey;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.primefaces.model.file.UploadedFile;
import org.xuke.catalog.CatalogEntry;
import org.xuke.catalog.CatalogKind;
import org.xuke.catalog.CatalogService;
import org.xuke.enterprise.EnterpriseDetails;
import org.xuke.identity.ekey.EkeyRequestService;
import org.xuke.identity.ekey.EkeyRequestService.Collected;
import org.xuke.identity.ekey.EkeyRequestService.View;
import org.xuke.identity.ekey.EkeyRequestType;
import org.xuke.identity.ekey.ScanKind;
import org.xuke.platform.DomainRuleException;
import org.xuke.web.Downloads;
import org.xuke.web.Texts;

/**
 * 电子钥匙业务办理: open a request, then follow it with its number and access code (kept in the
 * view, never in a URL): upload scans, submit, withdraw, download the forms and, once both
 * checks passed, the e-key itself.
 */
@Named
@ViewScoped
public class EkeyPublicPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private EkeyRequestService service;

    @Inject
    private CatalogService catalogs;

    // the application (申请表)
    private EkeyRequestType type = EkeyRequestType.FIRST_APPLICATION;
    private String uscc;
    private String username;
    private String applicantName;
    private String applicantPhone;
    private String reason;
    private String newUscc;
    private String authorityCode;
    private String enterpriseName;
    private String enterpriseCode;
    private String address;
    private String contactName;
    private String contactPhone;
    private String filingNumber;

    // the request being followed
    private String number;
    private String accessCode;
    private boolean codeJustIssued;
    private View view;

    private ScanKind scanKind;
    private transient UploadedFile file;
    private String pkcs12Password;
    private String pkcs12Confirm;
    private String oneTimePassword;
    private byte[] pkcs12;
    private String keyFileName;

    private List<CatalogEntry> authorities;

    public void open() {
        try {
            var opened = service.open(new EkeyRequestService.Application(type, uscc, username, applicantName,
                    applicantPhone, reason, newUscc, authorityCode, new EnterpriseDetails(enterpriseName,
                            enterpriseCode, address, contactName, contactPhone, filingNumber)), source());
            number = opened.number();
            accessCode = new String(opened.accessCode());
            codeJustIssued = true;
            view = service.track(number, accessCode, source());
            Texts.info("ekey.opened", number);
        } catch (DomainRuleException e) {
            Texts.refused(null, e);
        }
    }

    public void track() {
        try {
            view = service.track(number, accessCode, source());
            codeJustIssued = false;
        } catch (DomainRuleException e) {
            view = null;
            Texts.refused(null, e);
        }
    }

    public void upload() {
        if (file == null || file.getSize() == 0) {
            Texts.error("scans:file", "import.noFile");
            return;
        }
        try {
            view = service.upload(number, accessCode, scanKind, file.getFileName(), file.getContent(), source());
            Texts.info("ekey.uploaded", Texts.text("ekey.scan." + scanKind.name()));
        } catch (DomainRuleException e) {
            Texts.refused("scans:file", e);
        }
    }

    public void submit() {
        try {
            view = service.submit(number, accessCode, source());
            view = service.track(number, accessCode, source());
            Texts.info("ekey.submitted", number);
        } catch (DomainRuleException e) {
            Texts.refused(null, e);
        }
    }

    public void withdraw() {
        try {
            view = service.withdraw(number, accessCode, source());
            Texts.info("ekey.withdrawn", number);
        } catch (DomainRuleException e) {
            Texts.refused(null, e);
        }
    }

    /**
     * Makes the e-key (once): the file stays in this view only until it is downloaded, beside
     * a new user's one-time password, which is shown here and nowhere else.
     */
    public void collect() {
        if (pkcs12Password == null || !pkcs12Password.equals(pkcs12Confirm)) {
            Texts.error("collect:confirm", "ekey.passwordMismatch");
            return;
        }
        try {
            Collected collected = service.collect(number, accessCode, pkcs12Password.toCharArray(), source());
            pkcs12 = collected.pkcs12();
            keyFileName = collected.username() + ".p12";
            oneTimePassword = collected.oneTimePassword() == null ? null : new String(collected.oneTimePassword());
            view = service.track(number, accessCode, source());
        } catch (DomainRuleException e) {
            Texts.refused(null, e);
        } finally {
            pkcs12Password = null;
            pkcs12Confirm = null;
        }
    }

    /** The printable application form or seal confirmation letter, filled from the request. */
    public void form(EkeyRequestService.Form form) throws IOException {
        byte[] pdf;
        try {
            pdf = service.form(number, accessCode, form, source());
        } catch (DomainRuleException e) {
            Texts.refused(null, e);
            return;
        }
        Downloads.send(pdf, "application/pdf", number + (form == EkeyRequestService.Form.APPLICATION ? "-application.pdf"
                : "-seal-letter.pdf"));
    }

    /** Sends the e-key file and forgets it. */
    public void download() throws IOException {
        if (pkcs12 == null) {
            Texts.error(null, "ekey.downloadGone");
            return;
        }
        byte[] bytes = pkcs12;
        pkcs12 = null;
        Downloads.send(bytes, "application/x-pkcs12", keyFileName);
    }

    public boolean isKeyWaiting() {
        return pkcs12 != null;
    }

    private static String source() {
        return ((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest())
                .getRemoteAddr();
    }

    public List<CatalogEntry> getAuthorities() {
        if (authorities == null) {
            authorities = catalogs.find(CatalogKind.ISSUING_AUTHORITY, null, 0, 500, "code", true);
        }
        return authorities;
    }

    public EkeyRequestType[] getTypes() {
        return EkeyRequestType.values();
    }

    /** Papers the request type needs, in the seed's order. */
    public List<ScanKind> getScanKinds() {
        return view == null ? List.of()
                : Arrays.stream(ScanKind.values()).filter(view.request().getType().requiredScans()::contains).toList();
    }

    public String getOneTimePassword() {
        return oneTimePassword;
    }

    public EkeyRequestType getType() {
        return type;
    }

    public void setType(EkeyRequestType type) {
        this.type = type;
    }

    public String getUscc() {
        return uscc;
    }

    public void setUscc(String uscc) {
        this.uscc = uscc;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getApplicantName() {
        return applicantName;
    }

    public void setApplicantName(String applicantName) {
        this.applicantName = applicantName;
    }

    public String getApplicantPhone() {
        return applicantPhone;
    }

    public void setApplicantPhone(String applicantPhone) {
        this.applicantPhone = applicantPhone;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getNewUscc() {
        return newUscc;
    }

    public void setNewUscc(String newUscc) {
        this.newUscc = newUscc;
    }

    public String getAuthorityCode() {
        return authorityCode;
    }

    public void setAuthorityCode(String authorityCode) {
        this.authorityCode = authorityCode;
    }

    public String getEnterpriseName() {
        return enterpriseName;
    }

    public void setEnterpriseName(String enterpriseName) {
        this.enterpriseName = enterpriseName;
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

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public String getAccessCode() {
        return accessCode;
    }

    public void setAccessCode(String accessCode) {
        this.accessCode = accessCode;
    }

    public boolean isCodeJustIssued() {
        return codeJustIssued;
    }

    public View getView() {
        return view;
    }

    public ScanKind getScanKind() {
        return scanKind;
    }

    public void setScanKind(ScanKind scanKind) {
        this.scanKind = scanKind;
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }

    public String getPkcs12Password() {
        return pkcs12Password;
    }

    public void setPkcs12Password(String pkcs12Password) {
        this.pkcs12Password = pkcs12Password;
    }

    public String getPkcs12Confirm() {
        return pkcs12Confirm;
    }

    public void setPkcs12Confirm(String pkcs12Confirm) {
        this.pkcs12Confirm = pkcs12Confirm;
    }
}
