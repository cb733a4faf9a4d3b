package org.xuke.licence;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
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
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.xuke.account.Account;
import org.xuke.account.Callers;
import org.xuke.audit.AuditEntry;
import org.xuke.audit.AuditLog;
import org.xuke.catalog.CatalogKind;
import org.xuke.catalog.CatalogService;
import org.xuke.enterprise.EnterpriseService;
import org.xuke.identity.CertificateService;
import org.xuke.identity.DocumentSigner;
import org.xuke.identity.SealVerification;
import org.xuke.platform.DomainRuleException;
import org.xuke.platform.Zones;
import org.xuke.reports.PrintFormats;
import org.xuke.reports.QrCodes;
import org.xuke.reports.ReportData;
import org.xuke.reports.ReportRenderer;
import org.xuke.reports.SealImages;

/**
 * 打印 and 下载 of licences: the electronic licence (signed PDF), paper copies printed by officers
 * (numbered, reprints marked, one PDF for a selection); and what the public verification page may
 * say of a licence. (The application form prints in the application context.) Licences print from their sealed content, so a print
 * shows exactly what the authority sealed. The printed wording is the official form's Chinese,
 * whatever the portal's language.
 */
@Stateless
public class LicencePrinting {

    /** Looked up once: {@code Json.createReader} searches the class path for a provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    static final ZoneId CHINA = Zones.CHINA;
    static final String SEAL_PURPOSE = "许可证专用章";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @PersistenceContext(unitName = "xuke")
    private EntityManager em;

    @Inject
    private LicenceService licences;

    @Inject
    private Event<LicenceEvent> events;

    @Inject
    private CatalogService catalogs;

    @Inject
    private EnterpriseService enterprises;

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
    public PrintedDocument electronicLicence(String number, String verifyBase) {
        Licence licence = licences.readable(number);
        ReportData data = licenceData(licence, verifyBase, "电子许可证", null);
        byte[] pdf = ReportRenderer.pdf("export-licence", data);
        String authorityName = (String) data.parameters().get("authorityName");
        byte[] signed = signer.signPdf(licence.getAuthorityCode(), authorityName, pdf,
                "中华人民共和国出口许可证 " + licence.getNumber());
        audit.record(AuditEntry.of(callers.require().getUsername(), "LICENCE_DOWNLOADED", "licence",
                licence.getNumber()));
        return new PrintedDocument(licence.getNumber() + ".pdf", signed);
    }

    // ---- paper copies ----

    /**
     * 打印纸质许可证: records one new copy of each licence (copy number, reprint, who, when) for
     * the authority's officers (the application hears of it: 已打印申请表). Rendering follows
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
            Licence licence = licences.readable(number);
            em.lock(licence, LockModeType.PESSIMISTIC_WRITE);
            if (licence.getStatus().isEnded()) {
                throw new DomainRuleException("print.licenceEnded", licence.getNumber());
            }
            int before = ((Number) em.createQuery("select count(p) from LicencePrint p where p.licenceId = :l")
                    .setParameter("l", licence.getId()).getSingleResult()).intValue();
            LicencePrint print = new LicencePrint(licence.getId(), before, caller.getUsername(), clock.instant());
            em.persist(print);
            licence.verificationCode();
            audit.record(AuditEntry.of(caller.getUsername(), print.isReprint() ? "LICENCE_REPRINTED" : "LICENCE_PRINTED",
                    "licence", licence.getNumber()).withDetails("copy=" + print.getCopyNumber()));
            events.fire(new LicenceEvent(LicenceEvent.Kind.PRINTED, licence.getId(), licence.getNumber(),
                    licence.getApplicationId(), caller.getUsername()));
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
            Licence licence = em.find(Licence.class, copy.licenceId());
            return licenceData(licence, verifyBase, "纸质许可证 第 " + copy.copyNumber() + " 份",
                    copy.reprint() ? "重印 REPRINT" : null);
        }, out, progress);
    }

    /** The copies printed of a licence, newest first, for its record page. */
    public List<LicencePrint> printsOf(String number) {
        Licence licence = licences.readable(number);
        return em.createQuery("select p from LicencePrint p where p.licenceId = :l order by p.copyNumber desc",
                LicencePrint.class).setParameter("l", licence.getId()).getResultList();
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
        Optional<Licence> found = licences.verifiable(number, code);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Licence licence = found.get();
        JsonObject content = content(licence);
        SealVerification seal = certificates.verifySeal(licence.canonicalContent(), licence.getSeal());
        JsonObject commodity = content.getJsonObject("commodity");
        return Optional.of(new PublicLicence(licence.getNumber(), licence.standingOn(LocalDate.now(clock.withZone(CHINA))),
                content.getJsonObject("exporter").getString("name"),
                commodity.getString("code") + " " + commodity.getString("name"),
                PrintFormats.quantity(number(content, "totalQuantity")) + " " + catalogs.unitName(text(commodity, "unit")),
                licence.getValidityEnd().toString(), text(content, "issueDate"), text(content, "authority"),
                seal.valid(), seal.signerName(), seal.serial() == null ? null : seal.serial().toString(16)));
    }

    /** The public page's address for a licence: what its QR code holds. */
    public static String verificationUrl(String verifyBase, String number, String code) {
        return verifyBase + "/public/verify.xhtml?n=" + URLEncoder.encode(number, StandardCharsets.UTF_8) + "&c="
                + URLEncoder.encode(code, StandardCharsets.UTF_8);
    }

    // ---- filling the templates ----

    private ReportData licenceData(Licence licence, String verifyBase, String copyLabel, String reprint) {
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
                + seal.signerName() + "\n签章时间 Time：" + (seal.signedAt() == null ? "" : TIME.format(seal.signedAt().atZone(CHINA)))
                + "\n证书序列号 Serial：" + (seal.serial() == null ? "" : seal.serial().toString(16)));
        return new ReportData(p, lines(c));
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
        p.put("totalQuantity", PrintFormats.quantity(number(c, "totalQuantity")));
        p.put("currency", catalogs.label(CatalogKind.CURRENCY, text(c, "currencyCode")));
        p.put("grandTotal", PrintFormats.money(number(c, "grandTotal")));
        p.put("grandTotalUsd", PrintFormats.money(number(c, "grandTotalUsd")));
        p.put("remarks", PrintFormats.remarks(text(c, "remarks"), c.getBoolean("oneBatch", true)));
        return p;
    }

    private List<Map<String, ?>> lines(JsonObject c) {
        BigDecimal total = number(c, "grandTotal");
        BigDecimal usd = number(c, "grandTotalUsd");
        String unit = catalogs.unitName(text(c.getJsonObject("commodity"), "unit"));
        List<Map<String, ?>> rows = new ArrayList<>();
        for (JsonValue value : c.getJsonArray("lines")) {
            JsonObject line = value.asJsonObject();
            BigDecimal lineTotal = number(line, "total");
            BigDecimal lineUsd = usd == null || total == null || total.signum() == 0 || lineTotal == null ? null
                    : lineTotal.multiply(usd).divide(total, 2, RoundingMode.HALF_UP);
            rows.add(PrintFormats.specRow(text(line, "specification"), unit, number(line, "quantity"), number(line, "unitPrice"),
                    lineTotal, lineUsd));
        }
        return rows;
    }

    private String consignorName(String consignorCode, String exporterCode, String exporterName) {
        return consignorCode == null || consignorCode.equals(exporterCode) ? exporterName
                : enterprises.nameOfEnterpriseCode(consignorCode);
    }

    private static JsonObject content(Licence licence) {
        try (JsonReader reader = JSON.createReader(new StringReader(licence.getContent()))) {
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
}
