package org.xuke.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.xuke.account.Account;
import org.xuke.account.Callers;
import org.xuke.account.Role;
import org.xuke.audit.AuditEntry;
import org.xuke.audit.AuditLog;
import org.xuke.catalog.CatalogKind;
import org.xuke.catalog.CatalogService;
import org.xuke.enterprise.EnterpriseService;
import org.xuke.licence.PrintedDocument;
import org.xuke.platform.DomainRuleException;
import org.xuke.platform.Zones;
import org.xuke.reports.PrintFormats;
import org.xuke.reports.ReportData;
import org.xuke.reports.ReportRenderer;

/**
 * 打印申请表: the application form as PDF for its enterprise (an approved one moves to 已打印申请表)
 * and its authority's staff, singly or as a batch rendered one form at a time.
 */
@Stateless
public class ApplicationForms {

    private static final ZoneId CHINA = Zones.CHINA;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Inject
    private ExportApplicationService applications;

    /** The forms of a batch were checked when it was recorded; the job runs with no caller. */
    @Inject
    private ApplicationViews views;

    @Inject
    private CatalogService catalogs;

    @Inject
    private EnterpriseService enterprises;

    @Inject
    private Callers callers;

    @Inject
    private AuditLog audit;

    /** One application form of a batch: recorded first, rendered after, a reprint if it was printed before. */
    public record FormCopy(long applicationId, boolean reprint) implements Serializable {
    }

    public PrintedDocument applicationForm(long applicationId) {
        Account caller = callers.require();
        ExportApplicationService.View view = applications.viewForCaller(applicationId);
        ExportApplication application = view.application();
        if (!application.hasNumber()) {
            throw new DomainRuleException("print.notSubmitted");
        }
        byte[] pdf = ReportRenderer.pdf("export-application", applicationData(view, application.isFormPrinted()));
        markPrintedByOperator(caller, application);
        audit.record(AuditEntry.of(caller.getUsername(), "APPLICATION_FORM_RENDERED", "export-application",
                application.getApplicationNumber()));
        return new PrintedDocument(application.getApplicationNumber() + ".pdf", pdf);
    }

    /**
     * 批量打印 of application forms: checks each is the caller's to read and has a number, and
     * records the approved ones of an enterprise operator as printed (已打印申请表); the forms to
     * render with {@link #renderApplicationForms}. One refusal refuses the batch, nothing recorded.
     */
    public List<FormCopy> recordApplicationForms(List<Long> ids) {
        Account caller = callers.require();
        if (ids == null || ids.isEmpty()) {
            throw new DomainRuleException("print.nothingSelected");
        }
        List<FormCopy> copies = new ArrayList<>();
        for (long id : ids) {
            ExportApplication application = applications.viewForCaller(id).application();
            if (!application.hasNumber()) {
                throw new DomainRuleException("print.notSubmitted");
            }
            copies.add(new FormCopy(id, application.isFormPrinted()));
            markPrintedByOperator(caller, application);
        }
        audit.record(AuditEntry.of(caller.getUsername(), "APPLICATION_FORMS_RENDERED", "export-application",
                String.valueOf(ids.size())).withDetails("ids=" + ids));
        return copies;
    }

    /** Renders recorded application forms into one PDF, one at a time, outside a transaction. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void renderApplicationForms(List<FormCopy> copies, OutputStream out, IntConsumer progress) {
        ReportRenderer.pdfBatch("export-application", copies.size(), i -> applicationData(
                views.of(copies.get(i).applicationId()), copies.get(i).reprint()), out, progress);
    }

    /** An enterprise operator's print moves an approved application to 已打印申请表 (audited by the service). */
    private void markPrintedByOperator(Account caller, ExportApplication application) {
        if (caller.hasRole(Role.ENTERPRISE_OPERATOR) && application.isFormPrintable()
                && !application.isFormPrinted()) {
            applications.markFormPrinted(application.getId());
        }
    }

    private ReportData applicationData(ExportApplicationService.View view, boolean reprint) {
        ExportApplication application = view.application();
        ExportLicenceForm form = view.form();
        Map<String, Object> p = new HashMap<>();
        p.put("copyLabel", "申请表");
        p.put("reprint", reprint ? "重印 REPRINT" : null);
        p.put("qr", null);
        p.put("applicationNumber", application.getApplicationNumber());
        p.put("exporterName", view.enterprise().getName());
        p.put("exporterCode", form.exporterCode());
        p.put("exporterUscc", view.enterprise().getUscc().value());
        p.put("consignorName", form.consignorCode() == null || form.consignorCode().equals(form.exporterCode())
                ? view.enterprise().getName() : enterprises.nameOfEnterpriseCode(form.consignorCode()));
        p.put("consignorCode", form.consignorCode());
        p.put("validityEnd", form.validityEnd() == null ? "" : form.validityEnd().toString());
        p.put("tradeMode", catalogs.label(CatalogKind.TRADE_MODE, form.tradeModeCode()));
        p.put("contractNumber", form.contractNumber());
        p.put("port", catalogs.label(CatalogKind.CUSTOMS_PORT, form.portCode()));
        p.put("country", catalogs.label(CatalogKind.COUNTRY, form.countryCode()));
        p.put("paymentMethod", form.paymentMethod());
        p.put("transportMode", catalogs.label(CatalogKind.TRANSPORT_MODE, form.transportModeCode()));
        p.put("commodityName", view.commodity() == null ? "" : view.commodity().getNameZh());
        p.put("commodityCode", form.commodityCode());
        p.put("totalQuantity", PrintFormats.quantity(form.totalQuantity()));
        p.put("currency", catalogs.label(CatalogKind.CURRENCY, form.currencyCode()));
        p.put("grandTotal", PrintFormats.money(form.grandTotal()));
        p.put("grandTotalUsd", PrintFormats.money(form.grandTotalUsd()));
        p.put("remarks", PrintFormats.remarks(form.remarks(), form.oneBatch()));
        p.put("approvalNumber", form.approvalNumber());
        p.put("authorityName", catalogs.authorityName(application.getAuthorityCode()));
        p.put("submittedDate", application.getSubmittedAtUtc() == null ? ""
                : china(application.getSubmittedAtUtc()).toLocalDate().toString());
        p.put("sealStatement", application.getSealedBy() == null ? "未盖章" : "电子签章 Digital seal：已盖章\n盖章人 Signer："
                + application.getSealedBy() + "\n盖章时间 Time：" + TIME.format(china(application.getSealedAtUtc())));
        p.put("verifyText", "本申请表由许可证管理系统生成 · 申请表号 " + application.getApplicationNumber());
        StringBuilder opinions = new StringBuilder();
        for (ApplicationStep step : view.steps()) {
            if (step.getOpinion() != null && !step.getOpinion().isBlank()) {
                opinions.append(china(step.getAtUtc()).toLocalDate()).append("  ").append(step.getActor())
                        .append("：").append(step.getOpinion()).append('\n');
            }
        }
        p.put("opinions", opinions.toString().strip());
        BigDecimal rate = form.usdRate();
        String unit = view.commodity() == null ? "" : catalogs.unitName(view.commodity().getUnitCode());
        List<Map<String, ?>> rows = new ArrayList<>();
        for (SpecLine line : form.lines()) {
            rows.add(PrintFormats.specRow(line.specification(), unit, line.quantity(), line.unitPrice(), line.total(),
                    rate == null || line.total() == null ? null : line.total().multiply(rate)));
        }
        return new ReportData(p, rows);
    }

    private static ZonedDateTime china(LocalDateTime utc) {
        return utc.atZone(ZoneOffset.UTC).withZoneSameInstant(CHINA);
    }
}
