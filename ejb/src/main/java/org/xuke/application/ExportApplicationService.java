package org.xuke.application;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import org.xuke.account.Account;
import org.xuke.application.FormRules.FieldError;
import org.xuke.audit.AuditEntry;
import org.xuke.audit.AuditLog;
import org.xuke.calendar.WorkingDays;
import org.xuke.catalog.CatalogKind;
import org.xuke.catalog.TradeMode;
import org.xuke.catalog.CatalogService;
import org.xuke.catalog.Commodity;
import org.xuke.catalog.LicenceKind;
import org.xuke.enterprise.Enterprise;
import org.xuke.identity.CertificateService;
import org.xuke.identity.SealVerification;
import org.xuke.customs.CustomsUsage;
import org.xuke.customs.CustomsUsage.Usage;
import org.xuke.identity.ekey.ScanCheck;
import org.xuke.identity.ekey.ScanCheck.ScanType;
import org.xuke.licence.Licence;
import org.xuke.licence.LicenceEnding;
import org.xuke.licence.LicenceNumber;
import org.xuke.licence.LicenceService;
import org.xuke.licence.LicenceStatus;
import org.xuke.platform.DomainRuleException;
import org.xuke.platform.OutOfScopeException;
import org.xuke.platform.Page;
import org.xuke.platform.Zones;
import org.xuke.reports.Spreadsheet;
import org.xuke.quota.QuotaClaim;
import org.xuke.quota.QuotaService;

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

    private static final ZoneId CHINA = Zones.CHINA;
    /** Under review or approved: their quantities are held against the quota until issued or refused. */
    private static final Set<ApplicationState> HOLDING_QUOTA = EnumSet.of(ApplicationState.PENDING_INITIAL_REVIEW,
            ApplicationState.PENDING_WITHDRAWAL, ApplicationState.PENDING_SECOND_REVIEW, ApplicationState.APPROVED);
    /** Waiting for an officer of the authority: the working-day clock runs. */
    /** Where the authority owes an answer: from the day after submission until issued (or refused, returned). */
    /** Rows read per round of an export. */
    private static final int EXPORT_ROUND = 1_000;

    private static final Set<ApplicationState> ON_THE_CLOCK = EnumSet.of(ApplicationState.PENDING_INITIAL_REVIEW,
            ApplicationState.PENDING_WITHDRAWAL, ApplicationState.PENDING_SECOND_REVIEW, ApplicationState.APPROVED);

    @PersistenceContext(unitName = "xuke")
    private EntityManager em;

    @Inject
    private CatalogService catalogs;

    @Inject
    private Event<ApplicationEvent> events;

    @Inject
    private Clock clock;

    @Inject
    private ApplicationAccess access;

    @Inject
    private ApplicationQueries queries;

    @Inject
    private ApplicationSerials serials;

    @Inject
    private CertificateService certificates;

    @Inject
    private AuditLog audit;

    @Inject
    private LicenceService licences;

    @Inject
    private QuotaService quota;

    @Inject
    private ApplicationViews views;

    @Inject
    private CustomsUsage customs;

    @Inject
    private LicenceEnding ending;

    /**
     * An application as its page shows it: the content, the enterprise, the commodity, the licence
     * once issued, and while the authority owes an answer its working-day clock.
     */
    public record View(ExportApplication application, ExportLicenceForm form, Enterprise enterprise,
            Commodity commodity, List<ApplicationStep> steps, Licence licence, WorkingClock clock) implements Serializable {

        View(ExportApplication application, ExportLicenceForm form, Enterprise enterprise, Commodity commodity,
                List<ApplicationStep> steps, Licence licence) {
            this(application, form, enterprise, commodity, steps, licence, null);
        }

        View withClock(WorkingClock clock) {
            return new View(application, form, enterprise, commodity, steps, licence, clock);
        }
    }

    /** Working days used of the {@link #TIME_LIMIT_DAYS} allowed, and the last day of the limit. */
    public record WorkingClock(int elapsed, LocalDate deadline) implements Serializable {

        public boolean isOverdue() {
            return elapsed > TIME_LIMIT_DAYS;
        }

        public int getAllowed() {
            return TIME_LIMIT_DAYS;
        }
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
        Account caller = access.operator();
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
        Account caller = access.operator();
        Enterprise own = em.find(Enterprise.class, caller.getEnterpriseId());
        ExportLicenceForm form = withExporter(submitted, enterpriseCode(own));
        ExportApplication held = id == null ? null : access.own(caller, id);
        String replaces = held == null ? null : held.getReplacesLicence();
        form = ExportApplication.withChangeRemark(form, replaces);
        List<FieldError> errors = new ArrayList<>(check(form));
        if (replaces != null && errors.stream().noneMatch(e -> e.field().equals("lines"))) {
            Licence original = licences.byNumber(replaces).orElseThrow();
            BigDecimal unused = unused(original, customs.of(original.getId()));
            if (form.totalQuantity().compareTo(unused) > 0) {
                errors.add(new FieldError("lines", "form.changeBeyondUnused", List.of(replaces,
                        plain(form.totalQuantity()), plain(unused))));
            }
        }
        if (!errors.isEmpty()) {
            return new Saved(null, errors);
        }
        ExportApplication application;
        if (id == null) {
            application = new ExportApplication(own.getId(), own.getAuthorityCode(), caller.getUsername(),
                    caller.getDepartment(), form, clock.instant());
            em.persist(application);
        } else {
            application = access.ownForUpdate(caller, id, seenVersion);
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
        Account caller = access.operator();
        ExportApplication source = access.own(caller, id);
        ExportApplication copy = source.copy(caller.getUsername(), caller.getDepartment(), clock.instant());
        em.persist(copy);
        em.flush();
        audit.record(AuditEntry.of(caller.getUsername(), "APPLICATION_COPIED", "export-application", label(copy))
                .withDetails("from=" + label(source)));
        return view(copy);
    }

    /** 删除: only drafts and returned applications, after the page asked for confirmation. */
    public void delete(long id, long seenVersion) {
        Account caller = access.operator();
        ExportApplication application = access.ownForUpdate(caller, id, seenVersion);
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
        Account caller = access.operator();
        ExportApplication application = access.ownForUpdate(caller, id, seenVersion);
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
        if (!application.hasNumber()) {
            Enterprise own = em.find(Enterprise.class, application.getEnterpriseId());
            enterpriseCode(own);
            application.number(ApplicationNumber.of(application.getYear(), own.getEnterpriseCode(),
                    serials.next(own.getId(), application.getYear())));
        }
        Commodity commodity = commodity(application.getYear(), application.getCommodityCode());
        if (application.getReplacesLicence() != null) {
            if (!application.hasChangeForm()) {
                throw new DomainRuleException("application.changeFormMissing");
            }
            Licence original = licences.byNumber(application.getReplacesLicence()).orElseThrow();
            requireChangeable(original, application.getId());
            requireWithinUnused(application, original, customs.of(original.getId()));
        } else if (commodity.isQuota()) {
            // a change holds nothing: the original's unused quota comes back when the change is issued
            quota.hold(new QuotaClaim(application.getEnterpriseId(), application.getYear(), commodity.getCategoryCode(),
                    application.getTotalQuantity(), application.getApplicationNumber()), caller.getUsername());
        }
        step(application, ApplicationTransition.SUBMIT, caller, null);
        return view(application);
    }

    /**
     * 撤销 (申请撤销): while the initial review has not decided, the enterprise asks for the
     * application back; it waits as 待撤销 until the initial reviewer agrees or refuses.
     */
    public View withdraw(long id, long seenVersion) {
        Account caller = access.operator();
        ExportApplication application = access.ownForUpdate(caller, id, seenVersion);
        step(application, ApplicationTransition.WITHDRAW, caller, null);
        return view(application);
    }

    /** 打印申请表: recorded when the enterprise prints an approved application's form. */
    public View markFormPrinted(long id) {
        Account caller = access.operator();
        ExportApplication application = access.own(caller, id);
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
        Account caller = access.officer();
        ExportApplication application = access.authorityForUpdate(caller, id, seenVersion);
        step(application, transition, caller, opinion);
        return view(application);
    }

    /**
     * 发证: an approved application becomes a licence. The licence context numbers it (the
     * authority's gap-free sequence), draws its quota, seals and stores it; refused when the
     * validity has ended.
     */
    public View issue(long id, long seenVersion, String opinion) {
        Account caller = access.officer();
        ExportApplication application = access.authorityForUpdate(caller, id, seenVersion);
        // the issuer's remark (e.g. what he checked) stays with the step like every other opinion
        step(application, ApplicationTransition.ISSUE, caller, opinion);
        if (application.getReplacesLicence() != null) {
            returnOriginal(application, caller);
        }
        licences.issue(ExportLicenceIssues.of(application, em.find(Enterprise.class, application.getEnterpriseId()),
                commodity(application.getYear(), application.getCommodityCode())));
        return view(application);
    }

    // ---- 换证 ----

    /**
     * 换证: a draft that changes the caller's licence {@code number}: its application's content,
     * "原证号 换证" in front of the remarks, and where customs reports use only the unused part of
     * each line. Refused for a licence that is not valid, has a deletion or write-off request, or
     * has another change under way. The enterprise attaches the change request form (更改申请表)
     * before submitting it.
     */
    public View changeOf(String number) {
        Account caller = access.operator();
        Licence original = ownLicence(caller, number);
        requireChangeable(original, null);
        Usage usage = customs.of(original.getId());
        ExportApplication source = em.find(ExportApplication.class, original.getApplicationId());
        ExportLicenceForm form = unusedPart(source.form(), original, usage);
        ExportApplication change = ExportApplication.changing(original.getNumber(), caller.getEnterpriseId(),
                original.getAuthorityCode(), caller.getUsername(), caller.getDepartment(), form, clock.instant());
        em.persist(change);
        em.flush();
        audit.record(AuditEntry.of(caller.getUsername(), "APPLICATION_CHANGE_STARTED", "export-application",
                label(change)).withDetails("licence=" + original.getNumber()));
        return view(change);
    }

    /** 上传更改申请表: a scan (JPEG, PNG or PDF under 1 MB, its type read from its bytes) on a change the enterprise holds. */
    public View attachChangeForm(long id, long seenVersion, String fileName, byte[] content) {
        Account caller = access.operator();
        ExportApplication application = access.ownForUpdate(caller, id, seenVersion);
        ScanType type = ScanCheck.check(fileName, content);
        String name = fileName == null ? "change-form" : fileName.strip();
        application.attachChangeForm(name.length() > 200 ? name.substring(name.length() - 200) : name,
                type.contentType(), content);
        audit.record(AuditEntry.of(caller.getUsername(), "APPLICATION_CHANGE_FORM", "export-application",
                label(application)).withDetails("type=" + type + ";bytes=" + content.length));
        return view(application);
    }

    /** The attached change request form, for whoever may read the application. */
    public ChangeForm changeFormForCaller(long id) {
        View view = viewForCaller(id);
        ExportApplication application = view.application();
        if (!application.hasChangeForm()) {
            throw new DomainRuleException("application.changeFormMissing");
        }
        return new ChangeForm(application.getChangeFormName(), application.getChangeFormType(),
                application.changeFormContent());
    }

    /** An attached file as it is served: name, checked type, bytes. */
    public record ChangeForm(String fileName, String contentType, byte[] content) implements Serializable {
    }

    /**
     * At issue of a change: the original, locked with customs' row (usage and an end are ordered),
     * is checked again, returned (退证: customs gets its cancellation) and gives back the quota it
     * did not use, before the new licence draws its own; all in the issuing transaction.
     */
    private void returnOriginal(ExportApplication application, Account caller) {
        Licence found = licences.byNumber(application.getReplacesLicence()).orElseThrow();
        Usage usage = customs.locked(found.getId());
        Licence original = ending.locked(found.getId());
        requireChangeable(original, application.getId());
        requireWithinUnused(application, original, usage);
        ending.end(original, LicenceStatus.RETURNED, "change-" + application.getApplicationNumber(),
                caller.getUsername());
        quota.settle(original.getNumber(), usage.totalUsed(), "CHANGED", caller.getUsername());
    }

    private Licence ownLicence(Account caller, String number) {
        String value = LicenceNumber.parse(number).value();
        Licence licence;
        try {
            licence = licences.readable(value);
        } catch (OutOfScopeException e) {
            throw new DomainRuleException("application.licenceUnknown", value);
        }
        if (licence.getEnterpriseId() != caller.getEnterpriseId()) {
            throw new DomainRuleException("application.licenceUnknown", value);
        }
        return licence;
    }

    /** A valid licence with no deletion or write-off request and no other change under way. */
    private void requireChangeable(Licence original, Long self) {
        if (original.getStatus() != LicenceStatus.ISSUED) {
            throw new DomainRuleException("application.changeEnded", original.getNumber(), original.getStatus().name());
        }
        if (original.getValidityEnd().isBefore(today())) {
            throw new DomainRuleException("application.changeExpired", original.getNumber(),
                    original.getValidityEnd().toString());
        }
        long requests = em.createQuery("select count(r) from ClosureRequest r where r.licenceId = :l", Long.class)
                .setParameter("l", original.getId()).getSingleResult();
        if (requests > 0) {
            throw new DomainRuleException("application.changeClosurePending", original.getNumber());
        }
        long changes = em.createQuery("select count(a) from ExportApplication a where a.replacesLicence = :n "
                + "and a.state not in :done and a.id <> :self", Long.class).setParameter("n", original.getNumber())
                .setParameter("done", List.of(ApplicationState.REJECTED, ApplicationState.ISSUED))
                .setParameter("self", self == null ? -1L : self).getSingleResult();
        if (changes > 0) {
            throw new DomainRuleException("application.changeUnderWay", original.getNumber());
        }
    }

    private static void requireWithinUnused(ExportApplication application, Licence original, Usage usage) {
        BigDecimal unused = unused(original, usage);
        if (application.getTotalQuantity().compareTo(unused) > 0) {
            throw new DomainRuleException("form.changeBeyondUnused", original.getNumber(),
                    plain(application.getTotalQuantity()), plain(unused));
        }
    }

    /** What customs has not used of the licence: licensed less customs' cumulative use. */
    private static BigDecimal unused(Licence original, Usage usage) {
        return original.getTotalQuantity().subtract(usage.totalUsed()).max(BigDecimal.ZERO);
    }

    /** The form with each line's quantity cut to what is unused of the licence's line (lines with nothing left go). */
    private static ExportLicenceForm unusedPart(ExportLicenceForm f, Licence original, Usage usage) {
        if (!usage.used()) {
            return f;
        }
        List<SpecLine> left = new ArrayList<>();
        for (int i = 0; i < f.lines().size(); i++) {
            SpecLine line = f.lines().get(i);
            BigDecimal remaining = line.quantity().subtract(usage.used(i + 1));
            if (remaining.signum() > 0) {
                left.add(new SpecLine(line.specification(), line.unitPrice(), remaining));
            }
        }
        if (left.isEmpty()) {
            throw new DomainRuleException("application.changeNothingLeft", original.getNumber());
        }
        return new ExportLicenceForm(f.year(), f.commodityCode(), f.portCode(), f.exporterCode(), f.consignorCode(),
                f.tradeModeCode(), f.countryCode(), f.transportModeCode(), f.paymentMethod(), f.validityEnd(),
                f.contractNumber(), f.currencyCode(), f.approvalNumber(), left, f.usdRate(), f.remarks(), f.oneBatch());
    }

    private static String plain(BigDecimal quantity) {
        return quantity.stripTrailingZeros().toPlainString();
    }

    // ---- reading ----

    /** One application, for its enterprise (within the data scope) or its authority's officers. */
    public View viewForCaller(long id) {
        Account caller = access.reader();
        return view(access.readable(caller, id));
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
        return rows(access.reader(), filter, first, max, sort, ascending);
    }

    /** A list page in one call: the rows as {@link #listForCaller} gives them and the list's total. */
    public Page<ApplicationRow> pageForCaller(ApplicationFilter filter, int first, int max, String sort,
            boolean ascending) {
        Account caller = access.reader();
        return new Page<>(rows(caller, filter, first, max, sort, ascending), queries.count(caller, filter));
    }

    private List<ApplicationRow> rows(Account caller, ApplicationFilter filter, int first, int max, String sort,
            boolean ascending) {
        List<ApplicationRow> rows = queries.list(caller, filter, first, max, sort, ascending);
        WorkingDays days = catalogs.workingDays();
        LocalDate today = today();
        return rows.stream().map(r -> {
            WorkingClock clock = clock(r.state(), r.submittedAtUtc(), days, today);
            return clock == null ? r : r.withClock(clock.elapsed(), clock.deadline());
        }).toList();
    }

    /**
     * The caller's list as it is filtered and sorted to Excel (综合查询's export), read a thousand rows
     * at a time, telling {@code progress} how many are written. Pages by offset in the list's own
     * order: one company's applications, or one authority's, not the nation's in one go.
     */
    public void exportForCaller(ApplicationFilter filter, String sort, boolean ascending, OutputStream out,
            IntConsumer progress) throws IOException {
        Account caller = access.reader();
        ResourceBundle texts = ResourceBundle.getBundle("org.xuke.application.ApplicationMessages",
                Locale.SIMPLIFIED_CHINESE, ExportApplicationService.class.getClassLoader());
        try (Spreadsheet book = new Spreadsheet()) {
            book.sheet("申请表", "申请表编号", "状态", "许可证年度", "商品编码", "商品名称", "企业", "申请人", "上报时间（北京时间）",
                    "数量", "计量单位", "金额（美元）", "许可证号");
            int written = 0;
            while (true) {
                List<ApplicationRow> round = queries.list(caller, filter, written, EXPORT_ROUND, sort, ascending);
                for (ApplicationRow r : round) {
                    book.row(r.applicationNumber(), texts.getString("state." + r.state().name()), r.year(),
                            r.commodityCode(), r.commodityName(), r.enterpriseName(), r.createdBy(),
                            r.submittedAtUtc() == null ? null : r.submittedAtUtc().atOffset(ZoneOffset.UTC)
                                    .atZoneSameInstant(CHINA).toLocalDateTime(),
                            r.totalQuantity(), r.unitName(), r.totalUsd(), r.licenceNumber());
                }
                written += round.size();
                progress.accept(written);
                if (round.size() < EXPORT_ROUND) {
                    break;
                }
            }
            book.row("合计 " + written + " 份", null, null, null, null, null, null, null, null, null, null, null);
            book.write(out);
        }
    }

    public long countForCaller(ApplicationFilter filter) {
        return queries.count(access.reader(), filter);
    }

    /**
     * The home page's figures for the caller: his applications by state and, for officers, how many
     * on the working-day clock are past their deadline or due by the next working day; for the
     * enterprise, its valid licences whose validity ends within {@link #EXPIRY_WARNING_DAYS} days.
     */
    public Dashboard dashboardForCaller() {
        Account caller = access.reader();
        Map<ApplicationState, Long> byState = new java.util.EnumMap<>(ApplicationState.class);
        for (ApplicationState state : ApplicationState.values()) {
            byState.put(state, queries.count(caller, ApplicationFilter.of(EnumSet.of(state))));
        }
        LocalDate today = today();
        if (caller.getEnterpriseId() != null) {
            return new Dashboard(byState, 0, 0, licences.countExpiringForCaller(today.plusDays(EXPIRY_WARNING_DAYS)));
        }
        WorkingDays days = catalogs.workingDays();
        // the deadline grows with the day of receipt: the latest receipt already late, and the latest due soon
        LocalDate nextWorkingDay = today.plusDays(1);
        while (!days.isWorkingDay(nextWorkingDay)) {
            nextWorkingDay = nextWorkingDay.plusDays(1);
        }
        long overdue = queries.countSubmittedBefore(caller, ON_THE_CLOCK, overdueCutoff(days, today));
        long dueSoon = queries.countSubmittedBefore(caller, ON_THE_CLOCK,
                Zones.utcStartOf(latestReceiptDueBefore(days, nextWorkingDay.plusDays(1)).plusDays(1))) - overdue;
        return new Dashboard(byState, overdue, dueSoon, 0);
    }

    /** Submitted before this instant (UTC) and still on the clock: past the 3-working-day limit today. */
    private static LocalDateTime overdueCutoff(WorkingDays days, LocalDate today) {
        return Zones.utcStartOf(latestReceiptDueBefore(days, today).plusDays(1));
    }

    /**
     * The officer queue's 超期 filter: the filter's states narrowed to those on the working-day clock,
     * submitted early enough to be past their limit today.
     */
    public ApplicationFilter overdue(ApplicationFilter filter) {
        Set<ApplicationState> states = EnumSet.copyOf(ON_THE_CLOCK);
        if (filter.states() != null && !filter.states().isEmpty()) {
            states.retainAll(filter.states());
        }
        // none of the list's states on the clock: a cutoff nothing was submitted before
        return new ApplicationFilter(states.isEmpty() ? ON_THE_CLOCK : states, filter.from(), filter.to(),
                filter.commodity(), filter.search(), filter.formPrinted(), filter.year(), filter.licenceNumber())
                .submittedBefore(states.isEmpty() ? LocalDateTime.of(1970, 1, 1, 0, 0)
                        : overdueCutoff(catalogs.workingDays(), today()));
    }

    /** Days ahead that a valid licence counts as ending soon on the enterprise's home page. */
    public static final int EXPIRY_WARNING_DAYS = 30;

    /** The latest day of receipt whose deadline falls before {@code day}. */
    private static LocalDate latestReceiptDueBefore(WorkingDays days, LocalDate day) {
        LocalDate received = day;
        while (!days.deadline(received, TIME_LIMIT_DAYS).isBefore(day)) {
            received = received.minusDays(1);
        }
        return received;
    }

    /** The home page's figures (see {@link #dashboardForCaller}). */
    public record Dashboard(Map<ApplicationState, Long> byState, long overdue, long dueSoon, long licencesEndingSoon)
            implements Serializable {

        public long count(String... states) {
            long total = 0;
            for (String state : states) {
                total += byState.getOrDefault(ApplicationState.valueOf(state), 0L);
            }
            return total;
        }
    }

    // ---- internals ----

    private void step(ExportApplication application, ApplicationTransition transition, Account caller,
            String opinion) {
        ApplicationState before = application.getState();
        ApplicationStep step = application.apply(transition, caller.getUsername(), caller.getRoles(), opinion,
                clock.instant());
        // refused or withdrawn: the quota it held is free again (an issue turns the hold into the licence's draw)
        if (HOLDING_QUOTA.contains(before) && !HOLDING_QUOTA.contains(step.getTo())
                && step.getTo() != ApplicationState.ISSUED) {
            quota.release(application.getApplicationNumber(), caller.getUsername());
        }
        audit.record(AuditEntry.of(caller.getUsername(), "APPLICATION_" + transition.name(), "export-application",
                label(application)).withDetails(step.getFrom() + "→" + step.getTo()
                        + (step.getOpinion() == null ? "" : ";opinion=" + step.getOpinion())));
        events.fire(new ApplicationEvent(transition, application.getId(), label(application),
                application.getEnterpriseId(), application.getCreatedBy(), application.getDepartment(),
                application.getAuthorityCode(), caller.getUsername(), step.getOpinion()));
    }

    private View view(ExportApplication application) {
        View view = views.of(application);
        if (application.getSubmittedAtUtc() == null || !ON_THE_CLOCK.contains(application.getState())) {
            return view;
        }
        return view.withClock(clock(application.getState(), application.getSubmittedAtUtc(), catalogs.workingDays(),
                today()));
    }

    /** The working-day clock of an application submitted at {@code submittedAtUtc}; null when it is off the clock. */
    private static WorkingClock clock(ApplicationState state, LocalDateTime submittedAtUtc, WorkingDays days,
            LocalDate today) {
        if (submittedAtUtc == null || !ON_THE_CLOCK.contains(state)) {
            return null;
        }
        LocalDate received = submittedAtUtc.atOffset(ZoneOffset.UTC).atZoneSameInstant(CHINA).toLocalDate();
        return new WorkingClock(days.elapsed(received, today), days.deadline(received, TIME_LIMIT_DAYS));
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
        } else if (!catalogs.usableOnLicence(kind, code.strip())) {
            // China is no destination of an export; a withdrawn currency or a legacy trade mode is not offered
            String key = kind == CatalogKind.COUNTRY ? "form.notDestination"
                    : kind == CatalogKind.TRADE_MODE && catalogs.entry(kind, code.strip())
                            .filter(e -> e instanceof TradeMode mode && mode.isInUse() && !mode.allowsExport())
                            .isPresent() ? "form.importOnly" : "form.notCurrent";
            errors.add(new FieldError(field, key, List.of(catalogs.label(kind, code.strip()))));
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

    private static String label(ExportApplication application) {
        return ApplicationAccess.label(application);
    }

    private static String trim(String text) {
        return text == null ? null : text.strip();
    }

}
