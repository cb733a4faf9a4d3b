package org.xuke.enterprise;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.xuke.platform.DomainRuleException;

/**
 * An applying enterprise (申请企业信息). The unified social credit code is the business key; the
 * 13-digit enterprise code is kept while forms still print it. The issuing authority that
 * serves the enterprise decides which officers see its applications.
 */
@Entity
@Table(name = "enterprise")
public class Enterprise implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @SequenceGenerator(name = "enterprise_seq", sequenceName = "enterprise_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "enterprise_seq")
    private Long id;

    @Version
    private long version;

    @Column(name = "uscc", nullable = false, length = 18)
    private UnifiedSocialCreditCode uscc;

    @Column(name = "enterprise_code", length = 13)
    private EnterpriseCode enterpriseCode;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "address", length = 400)
    private String address;

    @Column(name = "contact_name", length = 100)
    private String contactName;

    @Column(name = "contact_phone", length = 40)
    private String contactPhone;

    @Column(name = "authority_code", nullable = false, length = 40)
    private String authorityCode;

    /** 对外贸易经营者备案登记表编号 */
    @Column(name = "filing_number", length = 40)
    private String filingNumber;

    /**
     * Filed by an e-key first application that has not passed yet: not a real enterprise (not
     * searched, its code held by nobody), and a later first application replaces its details.
     */
    @Column(name = "provisional", nullable = false)
    private boolean provisional;

    protected Enterprise() {
        // for JPA
    }

    public Enterprise(UnifiedSocialCreditCode uscc, String authorityCode, EnterpriseDetails details) {
        this.uscc = Objects.requireNonNull(uscc);
        if (authorityCode == null || authorityCode.isBlank()) {
            throw new DomainRuleException("enterprise.authority");
        }
        this.authorityCode = authorityCode;
        update(details);
    }

    /**
     * Applies new details and says what changed ({@code field: old → new}), for the audit log.
     * The USCC is not among the details: a different code is a different enterprise, except
     * through {@link #changeUscc} (an e-key information change).
     */
    public List<String> update(EnterpriseDetails details) {
        String newName = required(details.name(), "name", 200);
        EnterpriseCode newCode = details.enterpriseCode() == null || details.enterpriseCode().isBlank() ? null
                : EnterpriseCode.parse(details.enterpriseCode());
        List<String> changes = new ArrayList<>();
        name = track(changes, "name", name, newName);
        enterpriseCode = track(changes, "enterpriseCode", enterpriseCode, newCode);
        address = track(changes, "address", address, optional(details.address(), "address", 400));
        contactName = track(changes, "contactName", contactName, optional(details.contactName(), "contactName", 100));
        contactPhone = track(changes, "contactPhone", contactPhone,
                optional(details.contactPhone(), "contactPhone", 40));
        filingNumber = track(changes, "filingNumber", filingNumber,
                optional(details.filingNumber(), "filingNumber", 40));
        return changes;
    }

    /**
     * 信息变更 (seed 004): an enterprise whose e-keys carry its old code moves to its new unified
     * social credit code; the old 13-digit enterprise code stays on record.
     */
    public String changeUscc(UnifiedSocialCreditCode newUscc) {
        if (newUscc.equals(uscc)) {
            throw new DomainRuleException("enterprise.usccUnchanged", uscc.value());
        }
        String change = "uscc: " + uscc + " → " + newUscc;
        this.uscc = newUscc;
        return change;
    }

    private static <T> T track(List<String> changes, String field, T before, T after) {
        if (!Objects.equals(before, after)) {
            changes.add(field + ": " + before + " → " + after);
        }
        return after;
    }

    private static String required(String value, String field, int max) {
        String text = optional(value, field, max);
        if (text == null) {
            throw new DomainRuleException("enterprise.required", field);
        }
        return text;
    }

    private static String optional(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > max) {
            throw new DomainRuleException("enterprise.tooLong", field, String.valueOf(max));
        }
        return value.strip();
    }

    /** The first application passed both checks: the record becomes a real enterprise. */
    void confirm() {
        this.provisional = false;
    }

    /** A provisional record goes to the authority its latest first applicant chose. */
    void moveTo(String authorityCode) {
        if (!provisional) {
            throw new IllegalStateException("Only a provisional record changes its authority: " + uscc);
        }
        this.authorityCode = authorityCode;
    }

    void markProvisional() {
        this.provisional = true;
    }

    public boolean isProvisional() {
        return provisional;
    }

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public UnifiedSocialCreditCode getUscc() {
        return uscc;
    }

    public EnterpriseCode getEnterpriseCode() {
        return enterpriseCode;
    }

    public String getName() {
        return name;
    }

    public String getAddress() {
        return address;
    }

    public String getContactName() {
        return contactName;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public String getAuthorityCode() {
        return authorityCode;
    }

    public String getFilingNumber() {
        return filingNumber;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Enterprise that && uscc.equals(that.uscc);
    }

    @Override
    public int hashCode() {
        return uscc.hashCode();
    }
}
