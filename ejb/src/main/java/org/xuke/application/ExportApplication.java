package org.xuke.application;

import org.xuke.identity.CanonicalJson;
import jakarta.persistence.Basic;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.xuke.account.Role;
import org.xuke.platform.DomainRuleException;

/**
 * An export licence application of one enterprise: the form as filled in, where it stands, and
 * every step taken on it. The content changes only while the enterprise holds it (draft,
 * returned, withdrawn); the state only through {@link ApplicationTransition}; the ministry
 * application number is given once, at the first submission, and kept.
 */
@Entity
@Table(name = "export_application")
public class ExportApplication implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @SequenceGenerator(name = "export_application_seq", sequenceName = "export_application_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "export_application_seq")
    private Long id;

    @Version
    private long version;

    @Column(name = "enterprise_id", nullable = false, updatable = false)
    private long enterpriseId;

    @Column(name = "created_by", nullable = false, updatable = false, length = 32)
    private String createdBy;

    /** For the 本部门 data scope. */
    @Column(name = "department", updatable = false, length = 100)
    private String department;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 30)
    private ApplicationState state;

    @Column(name = "application_number", length = 21)
    private String applicationNumber;

    @Column(name = "licence_year", nullable = false)
    private int year;

    @Column(name = "commodity_code", nullable = false, length = 10)
    private String commodityCode;

    @Column(name = "port_code", nullable = false, length = 10)
    private String portCode;

    @Column(name = "exporter_code", nullable = false, length = 18)
    private String exporterCode;

    @Column(name = "consignor_code", nullable = false, length = 18)
    private String consignorCode;

    @Column(name = "trade_mode_code", nullable = false, length = 10)
    private String tradeModeCode;

    @Column(name = "country_code", nullable = false, length = 10)
    private String countryCode;

    @Column(name = "transport_mode_code", nullable = false, length = 10)
    private String transportModeCode;

    @Column(name = "payment_method", nullable = false, length = 40)
    private String paymentMethod;

    @Column(name = "validity_end", nullable = false)
    private LocalDate validityEnd;

    @Column(name = "contract_number", nullable = false, length = 17)
    private String contractNumber;

    @Column(name = "currency_code", nullable = false, length = 10)
    private String currencyCode;

    @Column(name = "approval_number", length = 40)
    private String approvalNumber;

    @Column(name = "usd_rate", nullable = false, precision = 18, scale = 6)
    private BigDecimal usdRate;

    @Column(name = "remarks", length = 500)
    private String remarks;

    @Column(name = "one_batch", nullable = false)
    private boolean oneBatch;

    /** The authority that handles it: the enterprise's at creation (officer queues read only this table). */
    @Column(name = "authority_code", nullable = false, updatable = false, length = 40)
    private String authorityCode;

    /** Box 14, kept as a column for quota sums. */
    @Column(name = "total_quantity", precision = 18, scale = 5)
    private BigDecimal totalQuantity;

    /** 总值折美元, kept as a column for the lists (单证查询 shows 美元金额). */
    @Column(name = "total_usd", precision = 18, scale = 2)
    private BigDecimal totalUsd;

    /** The enterprise's electronic seal over {@link #canonicalContent()} (detached CMS). */
    @Column(name = "seal")
    private byte[] seal;

    @Column(name = "sealed_by", length = 32)
    private String sealedBy;

    @Column(name = "sealed_at_utc")
    private LocalDateTime sealedAtUtc;

    /** 换证: the licence this application changes (its remarks say so, filled by the system). */
    @Column(name = "replaces_licence", updatable = false, length = 10)
    private String replacesLicence;

    /** 更改申请表: the scan the enterprise attaches to a change, read only when downloaded. */
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "change_form")
    private byte[] changeForm;

    @Column(name = "change_form_name", length = 200)
    private String changeFormName;

    @Column(name = "change_form_type", length = 40)
    private String changeFormType;

    @Column(name = "form_printed", nullable = false)
    private boolean formPrinted;

    @Column(name = "created_at_utc", nullable = false, updatable = false)
    private LocalDateTime createdAtUtc;

    @Column(name = "submitted_at_utc")
    private LocalDateTime submittedAtUtc;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "export_application_line", joinColumns = @JoinColumn(name = "application_id"))
    @OrderColumn(name = "line_no")
    private List<ApplicationLine> lines = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "export_application_step", joinColumns = @JoinColumn(name = "application_id"))
    @OrderColumn(name = "step_no")
    private List<ApplicationStep> steps = new ArrayList<>();

    protected ExportApplication() {
        // for JPA
    }

    /** A new draft (暂存) from a form that passed {@link FormRules}. */
    public ExportApplication(long enterpriseId, String authorityCode, String createdBy, String department,
            ExportLicenceForm form, Instant now) {
        this.enterpriseId = enterpriseId;
        this.authorityCode = authorityCode;
        this.createdBy = createdBy;
        this.department = department;
        this.state = ApplicationState.DRAFT;
        this.createdAtUtc = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        take(form);
    }

    /**
     * 换证: a new draft that changes licence {@code licenceNumber}, its remarks starting with
     * "原证号 换证" (DOMAIN.md, seed 000) whatever the form says.
     */
    public static ExportApplication changing(String licenceNumber, long enterpriseId, String authorityCode,
            String createdBy, String department, ExportLicenceForm form, Instant now) {
        ExportApplication change = new ExportApplication(enterpriseId, authorityCode, createdBy, department,
                withChangeRemark(form, licenceNumber), now);
        change.replacesLicence = licenceNumber;
        return change;
    }

    /** The form with the change remark in front of its remarks (once); unchanged when it changes no licence. */
    public static ExportLicenceForm withChangeRemark(ExportLicenceForm f, String licenceNumber) {
        if (licenceNumber == null) {
            return f;
        }
        String mark = licenceNumber + " 换证";
        String remarks = f.remarks() == null ? "" : f.remarks().strip();
        if (!remarks.startsWith(mark)) {
            remarks = remarks.isEmpty() ? mark : mark + " " + remarks;
        }
        return new ExportLicenceForm(f.year(), f.commodityCode(), f.portCode(), f.exporterCode(), f.consignorCode(),
                f.tradeModeCode(), f.countryCode(), f.transportModeCode(), f.paymentMethod(), f.validityEnd(),
                f.contractNumber(), f.currencyCode(), f.approvalNumber(), f.lines(), f.usdRate(), remarks, f.oneBatch());
    }

    /** 更改申请表 attached (a scan checked by the caller); only while the enterprise holds a change. */
    public void attachChangeForm(String fileName, String contentType, byte[] content) {
        if (replacesLicence == null) {
            throw new DomainRuleException("application.notAChange");
        }
        if (!state.isEditable()) {
            throw new DomainRuleException("application.notEditable", state.name());
        }
        this.changeForm = content.clone();
        this.changeFormName = fileName;
        this.changeFormType = contentType;
    }

    public String getReplacesLicence() {
        return replacesLicence;
    }

    public boolean hasChangeForm() {
        return changeFormName != null;
    }

    public byte[] changeFormContent() {
        return changeForm == null ? null : changeForm.clone();
    }

    public String getChangeFormName() {
        return changeFormName;
    }

    public String getChangeFormType() {
        return changeFormType;
    }

    /** 修改: same application (and number, if it has one), new content; only while the enterprise holds it. */
    public void change(ExportLicenceForm form) {
        if (!state.isEditable()) {
            throw new DomainRuleException("application.notEditable", state.name());
        }
        take(form);
    }

    /** 复制: a new draft with the same content, without number or history. */
    public ExportApplication copy(String by, String byDepartment, Instant now) {
        return new ExportApplication(enterpriseId, authorityCode, by, byDepartment, form(), now);
    }

    private void take(ExportLicenceForm form) {
        this.year = form.year();
        this.commodityCode = form.commodityCode().strip();
        this.portCode = form.portCode().strip();
        this.exporterCode = form.exporterCode().strip();
        this.consignorCode = form.consignorCode().strip();
        this.tradeModeCode = form.tradeModeCode().strip();
        this.countryCode = form.countryCode().strip();
        this.transportModeCode = form.transportModeCode().strip();
        this.paymentMethod = form.paymentMethod().strip();
        this.validityEnd = form.validityEnd();
        this.contractNumber = form.contractNumber().strip();
        this.currencyCode = form.currencyCode().strip();
        this.approvalNumber = form.approvalNumber() == null || form.approvalNumber().isBlank() ? null
                : form.approvalNumber().strip();
        this.usdRate = form.usdRate();
        this.remarks = form.remarks() == null || form.remarks().isBlank() ? null : form.remarks().strip();
        this.oneBatch = form.oneBatch();
        this.lines.clear();
        form.lines().forEach(l -> this.lines.add(new ApplicationLine(l)));
        this.totalQuantity = form.totalQuantity();
        this.totalUsd = form.grandTotalUsd();
        // new content: the old seal no longer covers it
        this.seal = null;
        this.sealedBy = null;
        this.sealedAtUtc = null;
    }

    /**
     * What the enterprise's seal signs: the form and the enterprise, as canonical JSON. The
     * ministry number is not part of it: it is given at submission, after the enterprise sealed,
     * and the seal must hold through it. The same content always gives the same bytes.
     */
    public byte[] canonicalContent() {
        ExportLicenceForm f = form();
        java.util.Map<String, Object> doc = new java.util.TreeMap<>();
        doc.put("kind", "EXPORT_LICENCE_APPLICATION");
        doc.put("enterpriseId", enterpriseId);
        doc.put("year", f.year());
        doc.put("commodityCode", f.commodityCode());
        doc.put("portCode", f.portCode());
        doc.put("exporterCode", f.exporterCode());
        doc.put("consignorCode", f.consignorCode());
        doc.put("tradeModeCode", f.tradeModeCode());
        doc.put("countryCode", f.countryCode());
        doc.put("transportModeCode", f.transportModeCode());
        doc.put("paymentMethod", f.paymentMethod());
        doc.put("validityEnd", f.validityEnd().toString());
        doc.put("contractNumber", f.contractNumber());
        doc.put("currencyCode", f.currencyCode());
        doc.put("approvalNumber", f.approvalNumber());
        doc.put("usdRate", f.usdRate());
        doc.put("remarks", f.remarks());
        doc.put("oneBatch", f.oneBatch());
        doc.put("lines", f.lines().stream().map(l -> java.util.Map.of("specification", l.specification(),
                "unitPrice", l.unitPrice(), "quantity", l.quantity())).toList());
        doc.put("grandTotal", f.grandTotal());
        return CanonicalJson.bytes(doc);
    }

    /** 保存并盖章: the seal made over {@link #canonicalContent()} by one of the enterprise's users. */
    public void sealed(byte[] cms, String by, Instant at) {
        this.seal = cms.clone();
        this.sealedBy = by;
        this.sealedAtUtc = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    public boolean isSealed() {
        return seal != null;
    }

    /** The content as a form again (to show, to seal in canonical form, to copy). */
    public ExportLicenceForm form() {
        return new ExportLicenceForm(year, commodityCode, portCode, exporterCode, consignorCode, tradeModeCode,
                countryCode, transportModeCode, paymentMethod, validityEnd, contractNumber, currencyCode,
                approvalNumber, lines.stream().map(ApplicationLine::toSpecLine).toList(), usdRate, remarks, oneBatch);
    }

    /**
     * Takes one step: refused in the wrong state, without the step's role, without a required
     * opinion, or when the officer who decided the initial review would also decide the second.
     */
    public ApplicationStep apply(ApplicationTransition transition, String actor, Set<Role> roles, String opinion,
            Instant now) {
        if (!transition.allowedFrom(state)) {
            throw new DomainRuleException("application.wrongState", state.name(), transition.name());
        }
        if (roles == null || !roles.contains(transition.role())) {
            throw new DomainRuleException("application.wrongRole", transition.name());
        }
        String text = opinion == null || opinion.isBlank() ? null : opinion.strip();
        if (transition.opinionRequired() && text == null) {
            throw new DomainRuleException("application.opinionRequired");
        }
        if (text != null && text.length() > 1000) {
            throw new DomainRuleException("application.opinionTooLong", "1000");
        }
        if ((transition == ApplicationTransition.PASS_SECOND_REVIEW || transition == ApplicationTransition.REJECT)
                && actor.equals(initialReviewer())) {
            throw new DomainRuleException("application.sameReviewer");
        }
        ApplicationStep step = new ApplicationStep(actor, LocalDateTime.ofInstant(now, ZoneOffset.UTC), state,
                transition.to(), text);
        steps.add(step);
        if (transition == ApplicationTransition.SUBMIT) {
            submittedAtUtc = step.getAtUtc();
        }
        state = transition.to();
        return step;
    }

    /** Who passed the initial review in the current round (the latest pass to second review). */
    public String initialReviewer() {
        for (int i = steps.size() - 1; i >= 0; i--) {
            ApplicationStep step = steps.get(i);
            if (step.getTo() == ApplicationState.PENDING_SECOND_REVIEW) {
                return step.getActor();
            }
            if (step.getTo() == ApplicationState.PENDING_INITIAL_REVIEW) {
                return null;
            }
        }
        return null;
    }

    /** The ministry application number, given at the first submission and kept on resubmission. */
    public void number(ApplicationNumber number) {
        if (applicationNumber != null) {
            throw new IllegalStateException("Already numbered: " + applicationNumber);
        }
        applicationNumber = number.value();
    }

    /** 打印申请表: the enterprise printed the approved application form. */
    public void markFormPrinted() {
        if (!isFormPrintable()) {
            throw new DomainRuleException("application.wrongState", state.name(), "PRINT");
        }
        formPrinted = true;
    }

    /** An approved (or issued) application's form may be printed: it waits in 打印申请表 until it is. */
    public boolean isFormPrintable() {
        return state == ApplicationState.APPROVED || state == ApplicationState.ISSUED;
    }

    public boolean hasNumber() {
        return applicationNumber != null;
    }

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public long getEnterpriseId() {
        return enterpriseId;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public String getDepartment() {
        return department;
    }

    public ApplicationState getState() {
        return state;
    }

    public String getApplicationNumber() {
        return applicationNumber;
    }

    public int getYear() {
        return year;
    }

    public String getCommodityCode() {
        return commodityCode;
    }

    public String getAuthorityCode() {
        return authorityCode;
    }

    public BigDecimal getTotalQuantity() {
        return totalQuantity;
    }

    public BigDecimal getTotalUsd() {
        return totalUsd;
    }

    public byte[] getSeal() {
        return seal == null ? null : seal.clone();
    }

    public String getSealedBy() {
        return sealedBy;
    }

    public LocalDateTime getSealedAtUtc() {
        return sealedAtUtc;
    }

    public boolean isFormPrinted() {
        return formPrinted;
    }

    public LocalDate getValidityEnd() {
        return validityEnd;
    }

    public boolean isOneBatch() {
        return oneBatch;
    }

    public LocalDateTime getCreatedAtUtc() {
        return createdAtUtc;
    }

    public LocalDateTime getSubmittedAtUtc() {
        return submittedAtUtc;
    }

    public List<ApplicationStep> getSteps() {
        return Collections.unmodifiableList(steps);
    }

    /** A draft has no business key yet (the number comes at submission), so identity is the row's. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ExportApplication that && id != null && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id == null ? 0 : id.hashCode();
    }
}
