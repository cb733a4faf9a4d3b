package org.xuke.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.xuke.application.FormRules.FieldError;
import org.xuke.audit.AuditEntry;
import org.xuke.audit.AuditLog;
import org.xuke.catalog.CatalogKind;
import org.xuke.catalog.CatalogService;
import org.xuke.catalog.Commodity;
import org.xuke.catalog.GoodsName;
import org.xuke.catalog.LicenceKind;
import org.xuke.calendar.WorkingDays;
import org.xuke.enterprise.Enterprise;
import org.xuke.identity.Account;
import org.xuke.identity.Callers;
import org.xuke.identity.CertificateService;
import org.xuke.identity.DataScope;
import org.xuke.identity.Role;
import org.xuke.identity.SealVerification;
import org.xuke.licence.ExportLicence;
import org.xuke.licence.LicenceFilter;
import org.xuke.licence.LicenceRow;
import org.xuke.licence.LicenceStanding;
import org.xuke.platform.DomainRuleException;
import org.xuke.platform.LikePattern;
import org.xuke.platform.OutOfScopeException;
import org.xuke.quota.QuotaAllocation;

/**
 * The boundary of export licence applications (seed 001 section 二, seed 003). Every method acts
 * for the signed-in caller: enterprise users on their own company's applications within their
 * data scope, officers on their authority's. Decisions lock the application and carry the
 * version the officer saw, so of two officers deciding at once one wins and the other is told.
 */
@Stateless
public class ExportApplicationService {

    /** Quantities to three decimals until the unit catalogue carries each unit's precision. */
    static final int QUANTITY_SCALE = 3;
    /** 出口许可证 statutory time limit (DOMAIN.md): 3 working days from receipt. */
    public static final int TIME_LIMIT_DAYS = 3;

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** Under review or approved: their quantities are held against the quota until issued or refused. */
    private static final Set<ApplicationState> HOLDING_QUOTA = EnumSet.of(ApplicationState.PENDING_INITIAL_REVIEW,
            ApplicationState.PENDING_WITHDRAWAL, ApplicationState.PENDING_SECOND_REVIEW, ApplicationState.APPROVED);
    /** Waiting for an officer of the authority: the working-day clock runs. */
    private static final Set<ApplicationState> ON_THE_CLOCK = EnumSet.of(ApplicationState.PENDING_INITIAL_REVIEW,
            ApplicationState.PENDING_WITHDRAWAL, ApplicationState.PENDING_SECOND_REVIEW);
    private static final Set<Role> LICENCE_STAFF = EnumSet.of(Role.INITIAL_REVIEWER, Role.SECOND_REVIEWER,
            Role.ISSUER, Role.AUTHORITY_ADMIN, Role.SYSTEM_ADMIN);
    private static final Map<String, String> SORTABLE = Map.of("applicationNumber", "a.applicationNumber",
            "createdAtUtc", "a.createdAtUtc", "submittedAtUtc", "a.submittedAtUtc", "commodityCode", "a.commodityCode",
            "state", "a.state", "enterpriseName", "e.name", "totalQuantity", "a.totalQuantity", "totalUsd", "a.totalUsd");
    private static final Map<String, String> LICENCE_SORTABLE = Map.of("number", "l.number", "commodityCode",
            "l.commodityCode", "holderName", "e.name", "totalUsd", "l.totalUsd", "validityEnd", "l.validityEnd", "issuedAtUtc",
            "l.issuedAtUtc");

    @PersistenceContext(unitName = "xuke")
    private EntityManager em;

    @Inject
    private CatalogService catalogs;

    @Inject
    private Clock clock;

    @Inject
    private Callers callers;

    @Inject
    private CertificateService certificates;

    @Inject
    private AuditLog audit;

    @Inject
    private LicenceNumbers licenceNumbers;

    @Inject
    private ApplicationViews views;

    /** An application as its page shows it: the content, the enterprise, the commodity, the licence once issued. */
    public record View(ExportApplication application, ExportLicenceForm form, Enterprise enterprise,
            Commodity commodity, List<ApplicationStep> steps, ExportLicence licence) implements Serializable {
    }

    /** A save: either the saved, sealed application or the broken rules at their fields (nothing saved). */
    public record Saved(View view, List<FieldError> errors) implements Serializable {

        public boolean ok() {
            return errors.isEmpty();
        }
    }

    // ---- the form ----

    /** Every broken rule of the form, at its field; empty when the form may be saved. */
    public List<FieldError> check(ExportLicenceForm form) {
        Commodity commodity = commodity(form.year(), form.commodityCode());
        FormRules.Context context = new FormRules.Context(today(), commodity != null,
                commodity != null && commodity.requires(LicenceKind.EXPORT), commodity != null && commodity.isQuota(),
                QUANTITY_SCALE, commodity != null && commodity.isRequiresApproval());
        List<FieldError> errors = new ArrayList<>(FormRules.check(form, context));
        known(errors, "portCode", CatalogKind.CUSTOMS_PORT, form.portCode());
        known(errors, "countryCode", CatalogKind.COUNTRY, form.countryCode());
        known(errors, "tradeModeCode", CatalogKind.TRADE_MODE, form.tradeModeCode());
        known(errors, "transportModeCode", CatalogKind.TRANSPORT_MODE, form.transportModeCode());
        known(errors, "currencyCode", CatalogKind.CURRENCY, form.currencyCode());
        return errors;
    }

    /**
     * 录入申请表, first step: year, commodity and port are checked, then the form opens with them
     * and with what the enterprise record gives (exporter = consignor = the caller's company).
     */
    public Saved start(int year, String commodityCode, String portCode) {
        Account caller = requireOperator();
        Enterprise own = em.find(Enterprise.class, caller.getEnterpriseId());
        LocalDate today = today();
        LocalDate from = year > today.getYear() ? LocalDate.of(year, 1, 1) : today;
        LocalDate end = from.plusMonths(6);
        if (end.getYear() != year) {
            end = LocalDate.of(year, 12, 31);
        }
        String code = enterpriseCode(own);
        ExportLicenceForm form = new ExportLicenceForm(year, trim(commodityCode), trim(portCode), code, code, "0110",
                null, null, null, end, null, "502", null, List.of(new SpecLine(null, null, null)), BigDecimal.ONE,
                null, true);
        List<FieldError> errors = check(form).stream().filter(e -> e.field().equals("year")
                || e.field().equals("commodityCode") || e.field().equals("portCode")).toList();
        return new Saved(new View(null, form, own, commodity(year, commodityCode), List.of(), null), errors);
    }

    /**
     * 保存并盖章: a new draft ({@code id} null) or new content for one the enterprise holds, on the
     * version the user saw; the exporter is always the caller's company. Sealed with the caller's
     * seal certificate over the canonical content. A broken rule saves nothing.
     */
    public Saved saveAndSeal(Long id, long seenVersion, ExportLicenceForm submitted) {
        Account caller = requireOperator();
        Enterprise own = em.find(Enterprise.class, caller.getEnterpriseId());
        ExportLicenceForm form = withExporter(submitted, enterpriseCode(own));
        List<FieldError> errors = check(form);
        if (!errors.isEmpty()) {
            return new Saved(null, errors);
        }
        ExportApplication application;
        if (id == null) {
            application = new ExportApplication(own.getId(), own.getAuthorityCode(), caller.getUsername(),
                    caller.getDepartment(), form, clock.instant());
            em.persist(application);
        } else {
            application = ownForUpdate(caller, id, seenVersion);
            application.change(form);
        }
        application.sealed(certificates.sealAs(caller.getUsername(), application.canonicalContent()),
                caller.getUsername(), clock.instant());
        em.flush();
        audit.record(AuditEntry.of(caller.getUsername(), id == null ? "APPLICATION_CREATED" : "APPLICATION_CHANGED",
                "export-application", label(application)).withDetails("sealed"));
        return new Saved(view(application), List.of());
    }

    /** 复制: a new, unsealed draft with the same content. */
    public View copy(long id) {
        Account caller = requireOperator();
        ExportApplication source = own(caller, id);
        ExportApplication copy = source.copy(caller.getUsername(), caller.getDepartment(), clock.instant());
        em.persist(copy);
        em.flush();
        audit.record(AuditEntry.of(caller.getUsername(), "APPLICATION_COPIED", "export-application", label(copy))
                .withDetails("from=" + label(source)));
        return view(copy);
    }

    /** 删除: only drafts and returned applications, after the page asked for confirmation. */
    public void delete(long id, long seenVersion) {
        Account caller = requireOperator();
        ExportApplication application = ownForUpdate(caller, id, seenVersion);
        if (!application.getState().isDeletable()) {
            throw new DomainRuleException("application.notDeletable", application.getState().name());
        }
        audit.record(AuditEntry.of(caller.getUsername(), "APPLICATION_DELETED", "export-application",
                label(application)).withDetails("state=" + application.getState()));
        em.remove(application);
    }

    /**
     * 上报: the sealed application goes to its authority; the first submission gives it the
     * ministry application number. A quota commodity's quantity must fit in what is left of the
     * enterprise's quota (allocated − drawn by licences − held by applications under review).
     */
    public View submit(long id, long seenVersion) {
        Account caller = requireOperator();
        ExportApplication application = ownForUpdate(caller, id, seenVersion);
        if (!ApplicationTransition.SUBMIT.allowedFrom(application.getState())) {
            throw new DomainRuleException("application.wrongState", application.getState().name(), "SUBMIT");
        }
        if (!application.isSealed()) {
            throw new DomainRuleException("application.notSealed");
        }
        List<FieldError> errors = check(application.form());
        if (!errors.isEmpty()) {
            throw new DomainRuleException("application.invalid", errors.get(0).field());
        }
        Commodity commodity = commodity(application.getYear(), application.getCommodityCode());
        if (commodity.isQuota()) {
            checkQuota(application, commodity);
        }
        if (!application.hasNumber()) {
            Enterprise own = em.find(Enterprise.class, application.getEnterpriseId());
            enterpriseCode(own);
            application.number(ApplicationNumber.of(application.getYear(), own.getEnterpriseCode(),
                    nextSerial(own.getId(), application.getYear())));
        }
        step(application, ApplicationTransition.SUBMIT, caller, null);
        return view(application);
    }

    /**
     * 撤销 (申请撤销): while the initial review has not decided, the enterprise asks for the
     * application back; it waits as 待撤销 until the initial reviewer agrees or refuses.
     */
    public View withdraw(long id, long seenVersion) {
        Account caller = requireOperator();
        ExportApplication application = ownForUpdate(caller, id, seenVersion);
        step(application, ApplicationTransition.WITHDRAW, caller, null);
        return view(application);
    }

    /** 打印申请表: recorded when the enterprise prints an approved application's form. */
    public View markFormPrinted(long id) {
        Account caller = requireOperator();
        ExportApplication application = own(caller, id);
        application.markFormPrinted();
        audit.record(AuditEntry.of(caller.getUsername(), "APPLICATION_FORM_PRINTED", "export-application",
                label(application)));
        return view(application);
    }

    // ---- officers ----

    /**
     * 初审 / 复审, and the decision on a withdrawal request: one decision on one application, on
     * the version the officer saw. The role, the state, the opinion and the two-officer rule are
     * the application's to check.
     */
    public View decide(long id, long seenVersion, ApplicationTransition transition, String opinion) {
        if (!transition.isReview() && !transition.isWithdrawalDecision()) {
            throw new DomainRuleException("application.wrongRole", transition.name());
        }
        Account caller = requireOfficer();
        ExportApplication application = authorityForUpdate(caller, id, seenVersion);
        step(application, transition, caller, opinion);
        return view(application);
    }

    /**
     * 发证: an approved application becomes a licence. The number (year + the authority's
     * 2-character code + 6 digits) comes from the authority's gap-free sequence in this
     * transaction; a quota licence draws its quantity; the content is sealed by the issuer.
     */
    public View issue(long id, long seenVersion) {
        Account caller = requireOfficer();
        ExportApplication application = authorityForUpdate(caller, id, seenVersion);
        step(application, ApplicationTransition.ISSUE, caller, null);
        var authority = catalogs.findAuthority(application.getAuthorityCode());
        String code = authority == null ? null : authority.getLicenceNumberCode();
        if (code == null || code.isBlank()) {
            throw new DomainRuleException("licence.noAuthorityCode", application.getAuthorityCode());
        }
        LicenceNumber number = licenceNumbers.next(code, application.getYear());
        Commodity commodity = commodity(application.getYear(), application.getCommodityCode());
        if (commodity.isQuota()) {
            QuotaAllocation quota = quotaForUpdate(application.getEnterpriseId(), application.getYear(),
                    commodity.getCategoryCode());
            if (quota == null) {
                throw new DomainRuleException("quota.none", commodity.getCategoryCode(),
                        String.valueOf(application.getYear()));
            }
            quota.draw(application.getTotalQuantity());
        }
        Enterprise enterprise = em.find(Enterprise.class, application.getEnterpriseId());
        byte[] content = licenceContent(number, application, enterprise, commodity, authority.getNameZh());
        ExportLicence licence = new ExportLicence(number.value(), application.getId(), enterprise.getId(),
                application.getAuthorityCode(), application.getYear(), application.getCommodityCode(),
                application.getTotalQuantity(), application.form().grandTotalUsd(), application.getValidityEnd(),
                application.isOneBatch(),
                caller.getUsername(), clock.instant(), content, certificates.sealAs(caller.getUsername(), content));
        licence.verificationCode();
        em.persist(licence);
        audit.record(AuditEntry.of(caller.getUsername(), "LICENCE_ISSUED", "export-licence", number.value())
                .withDetails("application=" + label(application)));
        return view(application);
    }

    // ---- reading ----

    /** One application, for its enterprise (within the data scope) or its authority's officers. */
    public View viewForCaller(long id) {
        Account caller = reader();
        return view(caller.getEnterpriseId() != null ? own(caller, id) : ofAuthority(caller, id));
    }

    /** Checks the stored enterprise seal against the content as it is now. */
    public SealVerification verifySealForCaller(long id) {
        View view = viewForCaller(id);
        byte[] seal = view.application().getSeal();
        if (seal == null) {
            throw new DomainRuleException("application.notSealed");
        }
        return certificates.verifySeal(view.application().canonicalContent(), seal);
    }

    /** The caller's list (enterprise users: own company within the data scope; officers: their authority). */
    public List<ApplicationRow> listForCaller(ApplicationFilter filter, int first, int max, String sort,
            boolean ascending) {
        Account caller = reader();
        String order = SORTABLE.getOrDefault(sort == null ? "" : sort,
                caller.getEnterpriseId() != null ? "a.createdAtUtc" : "a.submittedAtUtc");
        boolean asc = sort == null ? caller.getEnterpriseId() == null : ascending;
        TypedQuery<ApplicationRow> query = em.createQuery("select new org.xuke.application.ApplicationRow(a.id, "
                + "a.version, a.applicationNumber, a.state, a.year, a.commodityCode, e.name, a.createdBy, "
                + "a.createdAtUtc, a.submittedAtUtc, a.totalQuantity, a.totalUsd, a.formPrinted) from "
                + "ExportApplication a, Enterprise e where e.id = a.enterpriseId" + where(caller, filter) + " order by "
                + order + (asc ? " asc" : " desc") + ", a.id" + (asc ? " asc" : " desc"), ApplicationRow.class);
        bind(query, caller, filter);
        List<ApplicationRow> rows = withNamesAndLicences(query.setFirstResult(Math.max(0, first))
                .setMaxResults(Math.min(Math.max(1, max), 200)).getResultList());
        if (caller.getEnterpriseId() != null) {
            return rows;
        }
        WorkingDays days = catalogs.workingDays();
        LocalDate today = today();
        return rows.stream().map(r -> {
            if (r.submittedAtUtc() == null || !ON_THE_CLOCK.contains(r.state())) {
                return r;
            }
            LocalDate received = r.submittedAtUtc().atOffset(ZoneOffset.UTC).atZoneSameInstant(CHINA).toLocalDate();
            return r.withClock(days.elapsed(received, today), days.deadline(received, TIME_LIMIT_DAYS));
        }).toList();
    }

    /**
     * The page's goods and unit names (the catalogue of each row's year) and licence numbers, in
     * two small queries for the page's rows: joined into the list query they cost PostgreSQL more
     * to plan than the whole page to run (2.8 ms against 1 ms, measured on 1M applications).
     */
    private List<ApplicationRow> withNamesAndLicences(List<ApplicationRow> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<String, GoodsName> names = new HashMap<>();
        for (GoodsName name : catalogs.goodsNames(rows.stream().map(ApplicationRow::year).distinct().toList(),
                rows.stream().map(ApplicationRow::commodityCode).distinct().toList())) {
            names.put(name.year() + "/" + name.code(), name);
        }
        List<Long> issued = rows.stream().filter(r -> r.state() == ApplicationState.ISSUED).map(ApplicationRow::id)
                .toList();
        Map<Long, String> licences = new HashMap<>();
        if (!issued.isEmpty()) {
            for (Object[] l : em.createQuery("select l.applicationId, l.number from ExportLicence l "
                    + "where l.applicationId in :ids", Object[].class).setParameter("ids", issued).getResultList()) {
                licences.put((Long) l[0], (String) l[1]);
            }
        }
        return rows.stream().map(r -> {
            GoodsName name = names.get(r.year() + "/" + r.commodityCode());
            return r.withDetails(name == null ? null : name.goods(), name == null ? null : name.unit(),
                    licences.get(r.id()));
        }).toList();
    }

    public long countForCaller(ApplicationFilter filter) {
        Account caller = reader();
        if (caller.getEnterpriseId() == null && filter.onlyStates()) {
            return countedByState(caller, filter.states());
        }
        // the enterprise is joined only when its name is searched: a count over a long queue stays one index range
        String from = blank(filter.search()) ? "from ExportApplication a where 1 = 1"
                : "from ExportApplication a, Enterprise e where e.id = a.enterpriseId";
        // count(a.state), not count(a): the state is in both list indexes, so PostgreSQL counts from the index alone
        TypedQuery<Long> query = em.createQuery("select count(a.state) " + from + where(caller, filter), Long.class);
        bind(query, caller, filter);
        return query.getSingleResult();
    }

    /** An officer's unfiltered queue: the totals the database keeps per authority and state (V12). */
    private long countedByState(Account caller, Set<ApplicationState> states) {
        List<ApplicationState> ordered = List.copyOf(states == null || states.isEmpty()
                ? EnumSet.allOf(ApplicationState.class) : states);
        StringBuilder sql = new StringBuilder("select coalesce(sum(applications), 0) from application_count where state in (");
        for (int i = 0; i < ordered.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?").append(i + 1);
        }
        sql.append(')');
        boolean scoped = caller.getDataScope() != DataScope.ALL;
        if (scoped) {
            sql.append(" and authority_code = ?").append(ordered.size() + 1);
        }
        Query query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < ordered.size(); i++) {
            query.setParameter(i + 1, ordered.get(i).name());
        }
        if (scoped) {
            query.setParameter(ordered.size() + 1, caller.getAuthorityCode());
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    /**
     * 查看电子许可证: the enterprise's licences (officers: their authority's) with their holder and
     * standing today, filtered, sorted and paged in the database; newest first unless sorted.
     */
    public List<LicenceRow> licencesForCaller(LicenceFilter filter, int first, int max, String sort,
            boolean ascending) {
        Account caller = reader();
        String order = LICENCE_SORTABLE.get(sort == null ? "" : sort);
        boolean asc = order != null && ascending;
        LocalDate today = today();
        TypedQuery<LicenceRow> query = em.createQuery("select new org.xuke.licence.LicenceRow(l.number, "
                + "l.applicationId, e.name, l.commodityCode, l.totalQuantity, l.totalUsd, l.validityEnd, l.oneBatch, "
                + "l.issuedBy, "
                + "l.issuedAtUtc, l.status) from ExportLicence l, Enterprise e where e.id = l.enterpriseId and "
                + licenceScope(caller) + licenceWhere(filter) + " order by "
                + (order == null ? "l.issuedAtUtc" : order) + (asc ? " asc" : " desc") + ", l.id"
                + (asc ? " asc" : " desc"), LicenceRow.class);
        bindLicenceScope(query, caller);
        bindLicenceFilter(query, filter, today);
        return query.setFirstResult(Math.max(0, first)).setMaxResults(Math.min(Math.max(1, max), 200))
                .getResultList().stream().map(r -> r.on(today)).toList();
    }

    public long countLicencesForCaller(LicenceFilter filter) {
        Account caller = reader();
        // the enterprise is joined only when the holder is searched
        String from = blank(filter.holder()) ? "from ExportLicence l where "
                : "from ExportLicence l, Enterprise e where e.id = l.enterpriseId and ";
        TypedQuery<Long> query = em.createQuery("select count(l) " + from + licenceScope(caller)
                + licenceWhere(filter), Long.class);
        bindLicenceScope(query, caller);
        bindLicenceFilter(query, filter, today());
        return query.getSingleResult();
    }

    // ---- internals ----

    private void checkQuota(ExportApplication application, Commodity commodity) {
        QuotaAllocation quota = quotaForUpdate(application.getEnterpriseId(), application.getYear(),
                commodity.getCategoryCode());
        if (quota == null) {
            throw new DomainRuleException("quota.none", commodity.getCategoryCode(),
                    String.valueOf(application.getYear()));
        }
        BigDecimal held = em.createQuery("select coalesce(sum(a.totalQuantity), 0) from ExportApplication a, "
                + "Commodity c where a.enterpriseId = :e and a.year = :y and a.state in :held and a.id <> :self "
                + "and c.catalogYear = a.year and c.code = a.commodityCode and c.categoryCode = :cat", BigDecimal.class)
                .setParameter("e", application.getEnterpriseId()).setParameter("y", application.getYear())
                .setParameter("held", HOLDING_QUOTA).setParameter("self", application.getId())
                .setParameter("cat", commodity.getCategoryCode()).getSingleResult();
        BigDecimal remaining = quota.remaining(held);
        if (application.getTotalQuantity().compareTo(remaining) > 0) {
            throw new DomainRuleException("quota.exceeded", commodity.getCategoryCode(), plain(quota.getAllocated()),
                    plain(quota.getUsed()), plain(held), plain(remaining), plain(application.getTotalQuantity()));
        }
    }

    /** The quota row is locked so two submissions of one enterprise cannot both take the last of it. */
    private QuotaAllocation quotaForUpdate(long enterpriseId, int year, String category) {
        return em.createQuery("select q from QuotaAllocation q where q.enterpriseId = :e and q.year = :y and "
                + "q.categoryCode = :c", QuotaAllocation.class).setParameter("e", enterpriseId).setParameter("y", year)
                .setParameter("c", category).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst()
                .orElse(null);
    }

    /** The next 6-digit serial of the enterprise's application numbers in a year, in one atomic statement. */
    private long nextSerial(long enterpriseId, int year) {
        return ((Number) em.createNativeQuery("insert into application_serial (enterprise_id, serial_year, last_value) "
                + "values (?1, ?2, 1) on conflict (enterprise_id, serial_year) do update set last_value = "
                + "application_serial.last_value + 1 returning last_value").setParameter(1, enterpriseId)
                .setParameter(2, year).getSingleResult()).longValue();
    }

    private byte[] licenceContent(LicenceNumber number, ExportApplication application, Enterprise enterprise,
            Commodity commodity, String authorityName) {
        ExportLicenceForm f = application.form();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("kind", "EXPORT_LICENCE");
        doc.put("licenceNumber", number.value());
        doc.put("applicationNumber", application.getApplicationNumber());
        doc.put("exporter", Map.of("code", f.exporterCode(), "uscc", enterprise.getUscc().value(), "name",
                enterprise.getName()));
        doc.put("consignorCode", f.consignorCode());
        doc.put("validityEnd", f.validityEnd().toString());
        doc.put("tradeModeCode", f.tradeModeCode());
        doc.put("contractNumber", f.contractNumber());
        doc.put("portCode", f.portCode());
        doc.put("countryCode", f.countryCode());
        doc.put("paymentMethod", f.paymentMethod());
        doc.put("transportModeCode", f.transportModeCode());
        doc.put("commodity", Map.of("code", f.commodityCode(), "name", commodity.getNameZh(), "unit",
                commodity.getUnitCode()));
        doc.put("lines", f.lines().stream().map(l -> Map.of("specification", l.specification(), "unitPrice",
                l.unitPrice(), "quantity", l.quantity(), "total", l.total())).toList());
        doc.put("currencyCode", f.currencyCode());
        doc.put("totalQuantity", f.totalQuantity());
        doc.put("grandTotal", f.grandTotal());
        doc.put("grandTotalUsd", f.grandTotalUsd());
        doc.put("remarks", f.remarks());
        doc.put("oneBatch", f.oneBatch());
        doc.put("authority", authorityName);
        doc.put("issueDate", today().toString());
        return org.xuke.identity.CanonicalJson.bytes(doc);
    }

    private void step(ExportApplication application, ApplicationTransition transition, Account caller,
            String opinion) {
        ApplicationStep step = application.apply(transition, caller.getUsername(), caller.getRoles(), opinion,
                clock.instant());
        audit.record(AuditEntry.of(caller.getUsername(), "APPLICATION_" + transition.name(), "export-application",
                label(application)).withDetails(step.getFrom() + "→" + step.getTo()
                        + (step.getOpinion() == null ? "" : ";opinion=" + step.getOpinion())));
    }

    private Account requireOperator() {
        Account caller = callers.require();
        if (caller.getEnterpriseId() == null || !caller.hasRole(Role.ENTERPRISE_OPERATOR)) {
            throw new DomainRuleException("access.denied");
        }
        return caller;
    }

    private Account requireOfficer() {
        return officerOrEnterprise(callers.require(), false);
    }

    /**
     * Applications are read by their enterprise's users and by the licence staff of an authority
     * (system administrators: all); others signed in to the officer portal, such as the e-key
     * provider, are refused.
     */
    private Account reader() {
        return officerOrEnterprise(callers.require(), true);
    }

    private static Account officerOrEnterprise(Account caller, boolean enterpriseToo) {
        if (caller.getEnterpriseId() != null) {
            if (enterpriseToo) {
                return caller;
            }
            throw new DomainRuleException("access.denied");
        }
        boolean staff = LICENCE_STAFF.stream().anyMatch(caller::hasRole);
        if (!staff || caller.getAuthorityCode() == null && caller.getDataScope() != DataScope.ALL) {
            throw new DomainRuleException("access.denied");
        }
        return caller;
    }

    /** The caller's company's application within his data scope; anything else is "not found", audited. */
    private ExportApplication own(Account caller, long id) {
        ExportApplication application = em.find(ExportApplication.class, id);
        if (application == null || caller.getEnterpriseId() == null
                || application.getEnterpriseId() != caller.getEnterpriseId() || !inDataScope(caller, application)) {
            refuse(caller, id, application);
        }
        return application;
    }

    private ExportApplication ofAuthority(Account caller, long id) {
        ExportApplication application = em.find(ExportApplication.class, id);
        if (application == null || caller.getDataScope() != DataScope.ALL
                && !application.getAuthorityCode().equals(caller.getAuthorityCode())) {
            refuse(caller, id, application);
        }
        return application;
    }

    private void refuse(Account caller, long id, ExportApplication application) {
        if (application != null) {
            audit.record(AuditEntry.of(caller.getUsername(), "ACCESS_DENIED", "export-application", label(application)));
        }
        throw new OutOfScopeException("application.notFound", String.valueOf(id));
    }

    private ExportApplication ownForUpdate(Account caller, long id, long seenVersion) {
        return locked(own(caller, id), seenVersion);
    }

    private ExportApplication authorityForUpdate(Account caller, long id, long seenVersion) {
        return locked(ofAuthority(caller, id), seenVersion);
    }

    /** Row lock, then the version the user saw: a decision taken meanwhile is never overwritten. */
    private ExportApplication locked(ExportApplication application, long seenVersion) {
        em.lock(application, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(application);
        if (application.getVersion() != seenVersion) {
            throw new DomainRuleException("application.concurrentChange", label(application));
        }
        return application;
    }

    private static boolean inDataScope(Account caller, ExportApplication application) {
        return switch (caller.getDataScope()) {
            case SELF -> caller.getUsername().equals(application.getCreatedBy());
            case DEPARTMENT -> caller.getDepartment() != null
                    && caller.getDepartment().equals(application.getDepartment());
            default -> true;
        };
    }

    private String where(Account caller, ApplicationFilter filter) {
        StringBuilder where = new StringBuilder();
        if (caller.getEnterpriseId() != null) {
            where.append(" and a.enterpriseId = :enterprise");
            if (caller.getDataScope() == DataScope.SELF) {
                where.append(" and a.createdBy = :me");
            } else if (caller.getDataScope() == DataScope.DEPARTMENT) {
                where.append(" and a.department = :department");
            }
        } else if (caller.getDataScope() != DataScope.ALL) {
            where.append(" and a.authorityCode = :authority");
        }
        if (filter.states() != null && !filter.states().isEmpty()) {
            where.append(" and a.state in :states");
        }
        if (filter.from() != null) {
            where.append(" and a.createdAtUtc >= :from");
        }
        if (filter.to() != null) {
            where.append(" and a.createdAtUtc < :to");
        }
        if (!blank(filter.commodity())) {
            where.append(" and a.commodityCode like :commodity");
        }
        if (!blank(filter.search())) {
            where.append(" and (a.applicationNumber like :search or e.name like :search)");
        }
        if (filter.formPrinted() != null) {
            where.append(" and a.formPrinted = :printed");
        }
        if (filter.year() != null) {
            where.append(" and a.year = :year");
        }
        if (filter.byLicence()) {
            where.append(" and a.id in (select l.applicationId from ExportLicence l where l.number like :licence)");
        }
        return where.toString();
    }

    private void bind(TypedQuery<?> query, Account caller, ApplicationFilter filter) {
        if (caller.getEnterpriseId() != null) {
            query.setParameter("enterprise", caller.getEnterpriseId());
            if (caller.getDataScope() == DataScope.SELF) {
                query.setParameter("me", caller.getUsername());
            } else if (caller.getDataScope() == DataScope.DEPARTMENT) {
                query.setParameter("department", caller.getDepartment());
            }
        } else if (caller.getDataScope() != DataScope.ALL) {
            query.setParameter("authority", caller.getAuthorityCode());
        }
        if (filter.states() != null && !filter.states().isEmpty()) {
            query.setParameter("states", filter.states());
        }
        if (filter.from() != null) {
            query.setParameter("from", utc(filter.from()));
        }
        if (filter.to() != null) {
            query.setParameter("to", utc(filter.to().plusDays(1)));
        }
        if (!blank(filter.commodity())) {
            query.setParameter("commodity", LikePattern.startingWith(filter.commodity()));
        }
        if (!blank(filter.search())) {
            query.setParameter("search", LikePattern.containing(filter.search().strip()));
        }
        if (filter.formPrinted() != null) {
            query.setParameter("printed", filter.formPrinted());
        }
        if (filter.year() != null) {
            query.setParameter("year", filter.year());
        }
        if (filter.byLicence()) {
            query.setParameter("licence",
                    LikePattern.containing(filter.licenceNumber().strip().toUpperCase(Locale.ROOT)));
        }
    }

    private static String licenceScope(Account caller) {
        if (caller.getEnterpriseId() != null) {
            return "l.enterpriseId = :scope";
        }
        return caller.getDataScope() == DataScope.ALL ? "1 = 1" : "l.authorityCode = :scope";
    }

    private static void bindLicenceScope(TypedQuery<?> query, Account caller) {
        if (caller.getEnterpriseId() != null) {
            query.setParameter("scope", caller.getEnterpriseId());
        } else if (caller.getDataScope() != DataScope.ALL) {
            query.setParameter("scope", caller.getAuthorityCode());
        }
    }

    private static String licenceWhere(LicenceFilter filter) {
        StringBuilder where = new StringBuilder();
        if (!blank(filter.number())) {
            where.append(" and l.number like :number");
        }
        if (!blank(filter.commodity())) {
            where.append(" and l.commodityCode like :commodity");
        }
        if (!blank(filter.holder())) {
            where.append(" and e.name like :holder");
        }
        if (filter.issuedFrom() != null) {
            where.append(" and l.issuedAtUtc >= :from");
        }
        if (filter.issuedTo() != null) {
            where.append(" and l.issuedAtUtc < :to");
        }
        if (filter.standing() != null) {
            where.append(switch (filter.standing()) {
                case VALID -> " and l.status = :status and l.validityEnd >= :today";
                case EXPIRED -> " and l.status = :status and l.validityEnd < :today";
                case DELETED, WRITTEN_OFF -> " and l.status = :status";
            });
        }
        return where.toString();
    }

    private static void bindLicenceFilter(TypedQuery<?> query, LicenceFilter filter, LocalDate today) {
        if (!blank(filter.number())) {
            query.setParameter("number", LikePattern.containing(filter.number().strip().toUpperCase(Locale.ROOT)));
        }
        if (!blank(filter.commodity())) {
            query.setParameter("commodity", LikePattern.startingWith(filter.commodity().strip()));
        }
        if (!blank(filter.holder())) {
            query.setParameter("holder", LikePattern.containing(filter.holder().strip()));
        }
        if (filter.issuedFrom() != null) {
            query.setParameter("from", utc(filter.issuedFrom()));
        }
        if (filter.issuedTo() != null) {
            query.setParameter("to", utc(filter.issuedTo().plusDays(1)));
        }
        if (filter.standing() != null) {
            query.setParameter("status", filter.standing().status());
            if (filter.standing() == LicenceStanding.VALID || filter.standing() == LicenceStanding.EXPIRED) {
                query.setParameter("today", today);
            }
        }
    }

    private View view(ExportApplication application) {
        return views.of(application);
    }

    private Commodity commodity(int year, String code) {
        return views.commodity(year, code);
    }

    private void known(List<FieldError> errors, String field, CatalogKind kind, String code) {
        if (code == null || code.isBlank() || errors.stream().anyMatch(e -> e.field().equals(field))) {
            return;
        }
        if (!catalogs.exists(kind, null, code.strip())) {
            errors.add(new FieldError(field, "form.unknownCode", List.of(code.strip())));
        }
    }

    /** The 13-digit code goes into the form and the application number: an enterprise record without it cannot apply. */
    private static String enterpriseCode(Enterprise enterprise) {
        if (enterprise.getEnterpriseCode() == null) {
            throw new DomainRuleException("application.noEnterpriseCode", enterprise.getName());
        }
        return enterprise.getEnterpriseCode().value();
    }

    private static ExportLicenceForm withExporter(ExportLicenceForm f, String code) {
        return new ExportLicenceForm(f.year(), f.commodityCode(), f.portCode(), code, f.consignorCode(),
                f.tradeModeCode(), f.countryCode(), f.transportModeCode(), f.paymentMethod(), f.validityEnd(),
                f.contractNumber(), f.currencyCode(), f.approvalNumber(), f.lines() == null ? List.of() : f.lines(),
                f.usdRate(), f.remarks(), f.oneBatch());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    private static LocalDateTime utc(LocalDate chinaDate) {
        return LocalDateTime.ofInstant(chinaDate.atStartOfDay(CHINA).toInstant(), ZoneOffset.UTC);
    }

    private static String label(ExportApplication application) {
        return application.getApplicationNumber() != null ? application.getApplicationNumber()
                : "draft-" + application.getId();
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String trim(String text) {
        return text == null ? null : text.strip();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
