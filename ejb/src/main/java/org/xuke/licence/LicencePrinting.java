package org.xuke.licence;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.xuke.application.ApplicationStep;
import org.xuke.application.ApplicationViews;
import org.xuke.application.ExportApplication;
import org.xuke.application.ExportApplicationService;
import org.xuke.application.ExportLicenceForm;
import org.xuke.application.SpecLine;
import org.xuke.audit.AuditEntry;
import org.xuke.audit.AuditLog;
import org.xuke.catalog.CatalogKind;
import org.xuke.catalog.CatalogService;
import org.xuke.identity.Account;
import org.xuke.identity.Callers;
import org.xuke.identity.CertificateService;
import org.xuke.identity.DocumentSigner;
import org.xuke.identity.SealVerification;
import org.xuke.platform.DomainRuleException;
import org.xuke.reports.QrCodes;
import org.xuke.reports.ReportData;
import org.xuke.reports.ReportRenderer;
import org.xuke.reports.SealImages;

/**
 * 打印 and 下载: the electronic licence (signed PDF), paper copies printed by officers (numbered,
 * reprints marked, one PDF for a selection) and the application form; and what the public
 * verification page may say of a licence. Licences print from their sealed content, so a print
 * shows exactly what the authority sealed. The printed wording is the official form's Chinese,
 * whatever the portal's language.
 */
@Stateless
public class LicencePrinting {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final String SEAL_PURPOSE = "许可证专用章";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @PersistenceContext(unitName = "xuke")
    private EntityManager em;

    @Inject
    private ExportApplicationService applications;

    @Inject
    private CatalogService catalogs;

    /** The application forms of a batch were checked when it was recorded; the job runs with no caller. */
    @Inject
    private ApplicationViews views;

    @Inject
    private CertificateService certificates;

    @Inject
    private DocumentSigner signer;

    @Inject
    private Callers callers;

    @Inject
    private AuditLog audit;

    @Inject
    private Clock clock;

    /** A rendered document and the name to save it under. */
    public record Document(String fileName, byte[] pdf) implements Serializable {
    }

    /** One paper copy to print: recorded first, rendered after. */
    public record PaperCopy(long licenceId, String number, int copyNumber, boolean reprint) implements Serializable {
    }

    /** What the public page shows: the licence's own facts, nothing about the people behind it. */
    public record PublicLicence(String number, LicenceStanding standing, String holder, String commodity,
            String quantity, String validityEnd, String issueDate, String authority, boolean sealValid,
            String sealSigner, String sealSerial) implements Serializable {
    }

    // ---- electronic licence ----

    /**
     * 电子许可证下载: the licence as PDF with the authority's PDF signature, for its enterprise's
     * users and its authority's licence staff. {@code verifyBase} is the portal's public address.
     */
    public Document electronicLicence(String number, String verifyBase) {
        ExportLicence licence = readable(number);
        ReportData data = licenceData(licence, verifyBase, "电子许可证", null);
        byte[] pdf = ReportRenderer.pdf("export-licence", data);
        String authorityName = (String) data.parameters().get("authorityName");
        byte[] signed = signer.signPdf(licence.getAuthorityCode(), authorityName, pdf,
                "中华人民共和国出口许可证 " + licence.getNumber());
        audit.record(AuditEntry.of(callers.require().getUsername(), "LICENCE_DOWNLOADED", "export-licence",
                licence.getNumber()));
        return new Document(licence.getNumber() + ".pdf", signed);
    }

    // ---- paper copies ----

    /**
     * 打印纸质许可证: records one new copy of each licence (copy number, reprint, who, when) for
     * the authority's officers and moves each application to 已打印申请表. Rendering follows
     * with {@link #renderPaperCopies}; recording first means no copy leaves the printer unrecorded.
     */
    public List<PaperCopy> recordPaperCopies(List<String> numbers) {
        Account caller = callers.require();
        if (caller.getEnterpriseId() != null) {
            throw new DomainRuleException("access.denied");
        }
        if (numbers == null || numbers.isEmpty()) {
            throw new DomainRuleException("print.nothingSelected");
        }
        List<PaperCopy> copies = new ArrayList<>();
        for (String number : numbers) {
            ExportLicence licence = readable(number);
            em.lock(licence, LockModeType.PESSIMISTIC_WRITE);
            if (licence.getStatus() != LicenceStatus.ISSUED) {
                throw new DomainRuleException("print.licenceEnded", licence.getNumber());
            }
            int before = ((Number) em.createQuery("select count(p) from LicencePrint p where p.licenceId = :l")
                    .setParameter("l", licence.getId()).getSingleResult()).intValue();
            LicencePrint print = new LicencePrint(licence.getId(), before, caller.getUsername(), clock.instant());
            em.persist(print);
            licence.verificationCode();
            ExportApplication application = em.find(ExportApplication.class, licence.getApplicationId());
            if (application.isFormPrintable()) {
                application.markFormPrinted();
            }
            audit.record(AuditEntry.of(caller.getUsername(), print.isReprint() ? "LICENCE_REPRINTED" : "LICENCE_PRINTED",
                    "export-licence", licence.getNumber()).withDetails("copy=" + print.getCopyNumber()));
            copies.add(new PaperCopy(licence.getId(), licence.getNumber(), print.getCopyNumber(), print.isReprint()));
        }
        return copies;
    }

    /**
     * Renders recorded copies into one PDF on {@code out}, one licence at a time (a batch of a
     * thousand never holds more than one filled licence); {@code progress} hears the count done.
     * Outside a transaction: a long batch holds no locks and no connection between licences.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void renderPaperCopies(List<PaperCopy> copies, String verifyBase, OutputStream out, IntConsumer progress) {
        ReportRenderer.pdfBatch("export-licence", copies.size(), i -> {
            PaperCopy copy = copies.get(i);
            ExportLicence licence = em.find(ExportLicence.class, copy.licenceId());
            return licenceData(licence, verifyBase, "纸质许可证 第 " + copy.copyNumber() + " 份",
                    copy.reprint() ? "重印 REPRINT" : null);
        }, out, progress);
    }

    /** The copies printed of a licence, newest first, for its record page. */
    public List<LicencePrint> printsOf(String number) {
        ExportLicence licence = readable(number);
        return em.createQuery("select p from LicencePrint p where p.licenceId = :l order by p.copyNumber desc",
                LicencePrint.class).setParameter("l", licence.getId()).getResultList();
    }

    // ---- application form ----

    /**
     * 打印申请表: the application form as PDF for its enterprise (an approved one moves to
     * 已打印申请表) and for its authority's staff.
     */
    public Document applicationForm(long applicationId) {
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
        return new Document(application.getApplicationNumber() + ".pdf", pdf);
    }

    /** One application form of a batch: recorded first, rendered after, a reprint if it was printed before. */
    public record FormCopy(long applicationId, boolean reprint) implements Serializable {
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
        if (caller.hasRole(org.xuke.identity.Role.ENTERPRISE_OPERATOR) && application.isFormPrintable()
                && !application.isFormPrinted()) {
            applications.markFormPrinted(application.getId());
        }
    }

    // ---- public verification ----

    /**
     * 许可证核验 (no sign-in): the licence with this number and verification code, or nothing —
     * an unknown number and a wrong code answer alike, so numbers cannot be probed.
     */
    public Optional<PublicLicence> verify(String number, String code) {
        if (number == null || code == null) {
            return Optional.empty();
        }
        Optional<ExportLicence> found = byNumber(number);
        if (found.isEmpty() || !found.get().hasVerificationCode(code)) {
            return Optional.empty();
        }
        ExportLicence licence = found.get();
        JsonObject content = content(licence);
        SealVerification seal = certificates.verifySeal(licence.canonicalContent(), licence.getSeal());
        JsonObject commodity = content.getJsonObject("commodity");
        return Optional.of(new PublicLicence(licence.getNumber(), licence.standingOn(LocalDate.now(clock.withZone(CHINA))),
                content.getJsonObject("exporter").getString("name"),
                commodity.getString("code") + " " + commodity.getString("name"),
                plain(number(content, "totalQuantity")) + " " + unitName(text(commodity, "unit")),
                licence.getValidityEnd().toString(), text(content, "issueDate"), text(content, "authority"),
                seal.valid(), seal.signer(), seal.serial() == null ? null : seal.serial().toString(16)));
    }

    /** The public page's address for a licence: what its QR code holds. */
    public static String verificationUrl(String verifyBase, String number, String code) {
        return verifyBase + "/public/verify.xhtml?n=" + URLEncoder.encode(number, StandardCharsets.UTF_8) + "&c="
                + URLEncoder.encode(code, StandardCharsets.UTF_8);
    }

    // ---- filling the templates ----

    private ReportData licenceData(ExportLicence licence, String verifyBase, String copyLabel, String reprint) {
        JsonObject c = content(licence);
        Map<String, Object> p = commonParameters(c);
        String url = verificationUrl(verifyBase, licence.getNumber(), licence.verificationCode());
        p.put("copyLabel", copyLabel);
        p.put("reprint", reprint);
        p.put("qr", QrCodes.jpeg(url, 240));
        p.put("licenceNumber", licence.getNumber());
        p.put("issueDate", text(c, "issueDate"));
        p.put("verifyText", "核验 Verification：扫描二维码，或访问 " + verifyBase + "/public/verify.xhtml 输入许可证号及验证码 "
                + licence.verificationCode());
        String authorityName = text(c, "authority");
        p.put("authorityName", authorityName);
        p.put("sealImage", SealImages.jpeg(authorityName, SEAL_PURPOSE));
        SealVerification seal = certificates.verifySeal(licence.canonicalContent(), licence.getSeal());
        p.put("sealStatement", "电子签章 Digital seal：" + (seal.valid() ? "有效" : "未通过验证") + "\n签章人 Signer："
                + seal.signer() + "\n签章时间 Time：" + (seal.signedAt() == null ? "" : TIME.format(seal.signedAt().atZone(CHINA)))
                + "\n证书序列号 Serial：" + (seal.serial() == null ? "" : seal.serial().toString(16)));
        return new ReportData(p, lines(c));
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
        p.put("consignorName", consignorName(form.consignorCode(), form.exporterCode(), view.enterprise().getName()));
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
        p.put("totalQuantity", plain(form.totalQuantity()));
        p.put("currency", catalogs.label(CatalogKind.CURRENCY, form.currencyCode()));
        p.put("grandTotal", money(form.grandTotal()));
        p.put("grandTotalUsd", money(form.grandTotalUsd()));
        p.put("remarks", remarks(form.remarks(), form.oneBatch()));
        p.put("approvalNumber", form.approvalNumber());
        p.put("authorityName", authorityName(application.getAuthorityCode()));
        p.put("submittedDate", application.getSubmittedAtUtc() == null ? ""
                : application.getSubmittedAtUtc().atZone(java.time.ZoneOffset.UTC).withZoneSameInstant(CHINA)
                        .toLocalDate().toString());
        p.put("sealStatement", application.getSealedBy() == null ? "未盖章" : "电子签章 Digital seal：已盖章\n盖章人 Signer："
                + application.getSealedBy() + "\n盖章时间 Time：" + TIME.format(application.getSealedAtUtc()
                        .atZone(java.time.ZoneOffset.UTC).withZoneSameInstant(CHINA)));
        p.put("verifyText", "本申请表由许可证管理系统生成 · 申请表号 " + application.getApplicationNumber());
        StringBuilder opinions = new StringBuilder();
        for (ApplicationStep step : view.steps()) {
            if (step.getOpinion() != null && !step.getOpinion().isBlank()) {
                opinions.append(step.getAtUtc().atZone(java.time.ZoneOffset.UTC).withZoneSameInstant(CHINA).toLocalDate())
                        .append("  ").append(step.getActor()).append("：").append(step.getOpinion()).append('\n');
            }
        }
        p.put("opinions", opinions.toString().strip());
        BigDecimal rate = form.usdRate();
        String unit = view.commodity() == null ? "" : unitName(view.commodity().getUnitCode());
        List<Map<String, ?>> rows = new ArrayList<>();
        for (SpecLine line : form.lines()) {
            rows.add(row(line.specification(), unit, line.quantity(), line.unitPrice(), line.total(),
                    rate == null || line.total() == null ? null : line.total().multiply(rate)));
        }
        return new ReportData(p, rows);
    }

    private Map<String, Object> commonParameters(JsonObject c) {
        Map<String, Object> p = new HashMap<>();
        JsonObject exporter = c.getJsonObject("exporter");
        p.put("exporterName", exporter.getString("name"));
        p.put("exporterCode", text(exporter, "code"));
        p.put("exporterUscc", text(exporter, "uscc"));
        p.put("consignorName", consignorName(text(c, "consignorCode"), text(exporter, "code"), exporter.getString("name")));
        p.put("consignorCode", text(c, "consignorCode"));
        p.put("validityEnd", text(c, "validityEnd"));
        p.put("tradeMode", catalogs.label(CatalogKind.TRADE_MODE, text(c, "tradeModeCode")));
        p.put("contractNumber", text(c, "contractNumber"));
        p.put("port", catalogs.label(CatalogKind.CUSTOMS_PORT, text(c, "portCode")));
        p.put("country", catalogs.label(CatalogKind.COUNTRY, text(c, "countryCode")));
        p.put("paymentMethod", text(c, "paymentMethod"));
        p.put("transportMode", catalogs.label(CatalogKind.TRANSPORT_MODE, text(c, "transportModeCode")));
        JsonObject commodity = c.getJsonObject("commodity");
        p.put("commodityName", text(commodity, "name"));
        p.put("commodityCode", text(commodity, "code"));
        p.put("totalQuantity", plain(number(c, "totalQuantity")));
        p.put("currency", catalogs.label(CatalogKind.CURRENCY, text(c, "currencyCode")));
        p.put("grandTotal", money(number(c, "grandTotal")));
        p.put("grandTotalUsd", money(number(c, "grandTotalUsd")));
        p.put("remarks", remarks(text(c, "remarks"), c.getBoolean("oneBatch", true)));
        return p;
    }

    private List<Map<String, ?>> lines(JsonObject c) {
        BigDecimal total = number(c, "grandTotal");
        BigDecimal usd = number(c, "grandTotalUsd");
        String unit = unitName(text(c.getJsonObject("commodity"), "unit"));
        List<Map<String, ?>> rows = new ArrayList<>();
        for (JsonValue value : c.getJsonArray("lines")) {
            JsonObject line = value.asJsonObject();
            BigDecimal lineTotal = number(line, "total");
            BigDecimal lineUsd = usd == null || total == null || total.signum() == 0 || lineTotal == null ? null
                    : lineTotal.multiply(usd).divide(total, 2, RoundingMode.HALF_UP);
            rows.add(row(text(line, "specification"), unit, number(line, "quantity"), number(line, "unitPrice"),
                    lineTotal, lineUsd));
        }
        return rows;
    }

    private static Map<String, ?> row(String spec, String unit, BigDecimal quantity, BigDecimal unitPrice,
            BigDecimal total, BigDecimal usd) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("spec", spec);
        row.put("unit", unit);
        row.put("quantity", plain(quantity));
        row.put("unitPrice", money(unitPrice));
        row.put("amount", money(total));
        row.put("amountUsd", money(usd));
        return row;
    }

    /** 非一批一证 is noted in 备注 (DOMAIN.md), before what the enterprise wrote. */
    private static String remarks(String remarks, boolean oneBatch) {
        String text = remarks == null ? "" : remarks.strip();
        return oneBatch ? text : ("非一批一证" + (text.isEmpty() ? "" : "\n" + text));
    }

    private String consignorName(String consignorCode, String exporterCode, String exporterName) {
        if (consignorCode == null || consignorCode.equals(exporterCode)) {
            return exporterName;
        }
        return em.createQuery("select e.name from Enterprise e where e.enterpriseCode = :c", String.class)
                .setParameter("c", org.xuke.enterprise.EnterpriseCode.parse(consignorCode)).getResultStream().findFirst()
                .orElse("");
    }

    private String authorityName(String code) {
        var authority = catalogs.findAuthority(code);
        return authority == null ? code : authority.getNameZh();
    }

    private String unitName(String code) {
        String label = catalogs.label(CatalogKind.UNIT, code);
        return code != null && label.startsWith(code + " ") ? label.substring(code.length() + 1) : label;
    }

    /** The licence if the caller may read it (its enterprise, its authority's staff); "not found" otherwise. */
    private ExportLicence readable(String number) {
        ExportLicence licence = byNumber(number).orElseThrow(() -> new DomainRuleException("licence.notFound"));
        applications.viewForCaller(licence.getApplicationId());
        return licence;
    }

    private Optional<ExportLicence> byNumber(String number) {
        return number == null ? Optional.empty() : em.createQuery("select l from ExportLicence l where l.number = :n",
                ExportLicence.class).setParameter("n", number.strip().toUpperCase(java.util.Locale.ROOT))
                .getResultStream().findFirst();
    }

    private static JsonObject content(ExportLicence licence) {
        try (JsonReader reader = Json.createReader(new StringReader(licence.getContent()))) {
            return reader.readObject();
        }
    }

    private static String text(JsonObject object, String name) {
        JsonValue value = object == null ? null : object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return "";
        }
        return value.getValueType() == JsonValue.ValueType.STRING ? object.getString(name) : value.toString();
    }

    private static BigDecimal number(JsonObject object, String name) {
        String text = text(object, name);
        return text.isEmpty() ? null : new BigDecimal(text);
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : new DecimalFormat("#,##0.###").format(value);
    }

    private static String money(BigDecimal value) {
        return value == null ? "" : new DecimalFormat("#,##0.00").format(value.setScale(2, RoundingMode.HALF_UP));
    }
}
