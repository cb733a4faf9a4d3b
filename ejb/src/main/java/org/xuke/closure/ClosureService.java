package org.xuke.closure;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.xuke.account.Account;
import org.xuke.account.Callers;
import org.xuke.account.DataScope;
import org.xuke.account.Role;
import org.xuke.audit.AuditEntry;
import org.xuke.audit.AuditLog;
import org.xuke.customs.CustomsStatus;
import org.xuke.customs.CustomsUsage;
import org.xuke.customs.CustomsUsage.Usage;
import org.xuke.enterprise.Enterprise;
import org.xuke.licence.Licence;
import org.xuke.licence.LicenceEnding;
import org.xuke.licence.LicenceLine;
import org.xuke.licence.LicenceNumber;
import org.xuke.licence.LicenceService;
import org.xuke.licence.LicenceStanding;
import org.xuke.licence.LicenceStatus;
import org.xuke.platform.DomainRuleException;
import org.xuke.platform.LikePattern;
import org.xuke.platform.OutOfScopeException;
import org.xuke.platform.Page;
import org.xuke.platform.Zones;
import org.xuke.quota.QuotaService;

/**
 * 许可证退换 (seed 001 section 三): the enterprise's deletion (删证) and write-off (核销) requests,
 * from typing the licence number to the authority's decision. Every rule is checked when the
 * request is saved, when it is submitted and again when it is approved, under the locks customs'
 * usage takes: usage arriving while a deletion waits blocks its approval, with the reason.
 * Approval ends the licence (a CANCEL goes to customs through the licence's event) and gives back
 * the quota not used, in one transaction.
 */
@Stateless
public class ClosureService {

    private static final Map<String, BiFunction<Root<ClosureRequest>, Root<Licence>, Expression<?>>> SORTABLE = Map.of(
            "licenceNumber", (r, l) -> r.get("licenceNumber"), "state", (r, l) -> r.get("state"),
            "submittedAtUtc", (r, l) -> r.get("submittedAtUtc"), "licenceIssuedAtUtc",
            (r, l) -> r.get("licenceIssuedAtUtc"), "createdAtUtc", (r, l) -> r.get("createdAtUtc"),
            "decidedAtUtc", (r, l) -> r.get("decidedAtUtc"));

    /** One licence line as the form shows it: licensed, and used as customs reports it. */
    public record PreviewLine(int lineNumber, String commodityCode, String specification, String unitCode,
            BigDecimal licensed, BigDecimal used) implements Serializable {
    }

    /** The licence read in by number (系统将原许可证的信息读入), with what customs says of it. */
    public record Preview(String number, long applicationId, String holder, String commodityCode,
            BigDecimal totalQuantity, LocalDate validityEnd, LicenceStanding standing, LocalDateTime issuedAtUtc,
            CustomsStatus customsStatus, int declarations, int uncleared, List<PreviewLine> lines)
            implements Serializable {
    }

    /** A request and its licence as read now. */
    public record View(ClosureRequest request, Preview licence) implements Serializable {
    }

    @PersistenceContext(unitName = "xuke")
    private EntityManager em;

    @Inject
    private Event<ClosureEvent> events;

    @Inject
    private Callers callers;

    @Inject
    private LicenceService licences;

    @Inject
    private LicenceEnding ending;

    @Inject
    private CustomsUsage customs;

    @Inject
    private QuotaService quota;

    @Inject
    private AuditLog audit;

    @Inject
    private Clock clock;

    // ---- the enterprise ----

    /**
     * 输入许可证号 and read it in: the licence if it is the caller's and the request is allowed for
     * it now; otherwise the reason (a wrong number, someone else's licence, used, expired …).
     */
    public Preview read(ClosureKind kind, String number) {
        Account caller = operator();
        Licence licence = ownLicence(caller, number);
        Usage usage = customs.of(licence.getId());
        check(kind, licence, usage, null, null, false);
        duplicate(licence, null);
        return preview(licence, usage);
    }

    /**
     * 保存: a new request ({@code id} null) or a change to one the enterprise holds, on the version
     * it saw. A write-off states its reason and the quantity used per licence line, which must
     * agree with customs' figures.
     */
    public View save(Long id, long seenVersion, ClosureKind kind, String number, String reason,
            Map<Integer, BigDecimal> quantities) {
        Account caller = operator();
        ClosureRequest request;
        if (id == null) {
            request = new ClosureRequest(kind, caller.getEnterpriseId(), caller.getUsername(), caller.getDepartment(),
                    clock.instant());
        } else {
            request = ownForUpdate(caller, id, seenVersion);
            request.requireWithEnterprise();
            if (request.getKind() != kind) {
                throw new DomainRuleException("closure.wrongKind");
            }
        }
        Licence licence = ownLicence(caller, number);
        // the licence row lock orders two saves for one licence: the second sees the first's request
        licence = ending.locked(licence.getId());
        Usage usage = customs.of(licence.getId());
        String why = trim(reason);
        if (why != null && why.length() > ClosureRequest.REASON_MAX) {
            throw new DomainRuleException("closure.reasonTooLong", String.valueOf(ClosureRequest.REASON_MAX));
        }
        check(kind, licence, usage, why, quantities, true);
        duplicate(licence, request.getId());
        request.fill(licence.getId(), licence.getNumber(), licence.getAuthorityCode(), licence.getIssuedAtUtc(), why,
                kind == ClosureKind.WRITE_OFF ? quantities : Map.of(), caller.getUsername(), clock.instant());
        if (id == null) {
            em.persist(request);
        }
        em.flush();
        audit.record(AuditEntry.of(caller.getUsername(), "CLOSURE_SAVED", "closure-request", request.label())
                .withDetails("kind=" + kind + ";id=" + request.getId()));
        return new View(request, preview(licence, usage));
    }

    /** 删除: only a request the enterprise holds, after the page asked for confirmation. */
    public void delete(long id, long seenVersion) {
        Account caller = operator();
        ClosureRequest request = ownForUpdate(caller, id, seenVersion);
        request.requireWithEnterprise();
        audit.record(AuditEntry.of(caller.getUsername(), "CLOSURE_DELETED", "closure-request", request.label())
                .withDetails("state=" + request.getState()));
        em.remove(request);
    }

    /** 上报: to the licence's authority, once every rule holds again. */
    public View submit(long id, long seenVersion) {
        Account caller = operator();
        ClosureRequest request = ownForUpdate(caller, id, seenVersion);
        request.requireWithEnterprise();
        Licence licence = ending.locked(request.getLicenceId());
        Usage usage = customs.of(licence.getId());
        check(request.getKind(), licence, usage, request.getReason(), request.quantities(), true);
        request.submit(caller.getUsername(), clock.instant());
        audit.record(AuditEntry.of(caller.getUsername(), "CLOSURE_SUBMITTED", "closure-request", request.label()));
        events.fire(ClosureEvent.of(request, caller.getUsername()));
        return new View(request, preview(licence, usage));
    }

    // ---- the authority ----

    /**
     * 审核: the issuer of the licence's authority approves or returns (with an opinion) a pending
     * request, on the version he saw: of two officers deciding at once, the second is told. An
     * approval checks every rule again under customs' lock; then the licence ends, customs gets
     * the cancellation and the quota not used comes back.
     */
    public View decide(long id, long seenVersion, boolean approve, String opinion) {
        Account caller = callers.require();
        if (caller.getEnterpriseId() != null || !caller.hasRole(Role.ISSUER)) {
            throw new DomainRuleException("access.denied");
        }
        ClosureRequest request = locked(ofAuthority(caller, id), seenVersion);
        if (request.getState() != ClosureState.PENDING) {
            throw new DomainRuleException("closure.notPending", request.getLicenceNumber(), request.getState().name());
        }
        String said = trim(opinion);
        if (said != null && said.length() > ClosureRequest.OPINION_MAX) {
            throw new DomainRuleException("closure.opinionTooLong", String.valueOf(ClosureRequest.OPINION_MAX));
        }
        Usage usage = null;
        Licence licence = null;
        String details = "";
        if (approve) {
            // lock order: request, customs' row of the licence, the licence (as usage and saving take them)
            usage = customs.locked(request.getLicenceId());
            licence = ending.locked(request.getLicenceId());
            check(request.getKind(), licence, usage, request.getReason(), request.quantities(), true);
            ending.end(licence, request.getKind() == ClosureKind.DELETION ? LicenceStatus.DELETED
                    : LicenceStatus.WRITTEN_OFF, "closure-" + request.getId(), caller.getUsername());
            BigDecimal used = request.getKind() == ClosureKind.DELETION ? BigDecimal.ZERO : usage.totalUsed();
            BigDecimal back = quota.settle(licence.getNumber(), used, request.getKind().name(), caller.getUsername());
            details = ";quotaReturned=" + back.stripTrailingZeros().toPlainString();
        }
        request.decide(approve, caller.getUsername(), said, clock.instant());
        audit.record(AuditEntry.of(caller.getUsername(), approve ? "CLOSURE_APPROVED" : "CLOSURE_RETURNED",
                "closure-request", request.label()).withDetails("kind=" + request.getKind() + details));
        events.fire(ClosureEvent.of(request, caller.getUsername()));
        if (licence == null) {
            licence = em.find(Licence.class, request.getLicenceId());
            usage = customs.of(licence.getId());
        }
        return new View(request, preview(licence, usage));
    }

    // ---- reading ----

    /** One request, for its enterprise (within the data scope) or its authority's licence staff. */
    public View viewForCaller(long id) {
        Account caller = reader();
        ClosureRequest request = caller.getEnterpriseId() != null ? own(caller, id) : ofAuthority(caller, id);
        Licence licence = em.find(Licence.class, request.getLicenceId());
        return new View(request, preview(licence, customs.of(licence.getId())));
    }

    /** 删除/核销申请表管理 and 查询, the officer's queue: filtered, sorted (licence number first) and paged. */
    public Page<ClosureRow> pageForCaller(ClosureFilter filter, int first, int max, String sort, boolean ascending) {
        Account caller = reader();
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<ClosureRow> q = cb.createQuery(ClosureRow.class);
        Root<ClosureRequest> r = q.from(ClosureRequest.class);
        Root<Licence> l = q.from(Licence.class);
        Root<Enterprise> e = q.from(Enterprise.class);
        List<Predicate> where = predicates(cb, r, caller, filter);
        where.add(cb.equal(l.get("id"), r.get("licenceId")));
        where.add(cb.equal(e.get("id"), r.get("enterpriseId")));
        var sortBy = SORTABLE.get(sort == null ? "" : sort);
        boolean asc = sortBy == null || ascending;
        Expression<?> order = sortBy == null ? r.get("licenceNumber") : sortBy.apply(r, l);
        q.select(cb.construct(ClosureRow.class, r.get("id"), r.get("version"), r.get("kind"), r.get("state"),
                r.get("licenceNumber"), l.get("applicationId"), e.get("name"), r.get("licenceIssuedAtUtc"),
                r.get("createdBy"), r.get("createdAtUtc"), r.get("submittedAtUtc"), r.get("decidedBy"),
                r.get("decidedAtUtc"), r.get("opinion")))
                .where(where.toArray(Predicate[]::new))
                .orderBy(asc ? cb.asc(order) : cb.desc(order), asc ? cb.asc(r.get("id")) : cb.desc(r.get("id")));
        List<ClosureRow> rows = em.createQuery(q).setFirstResult(Math.max(0, first))
                .setMaxResults(Math.min(Math.max(1, max), 200)).getResultList();
        CriteriaQuery<Long> c = cb.createQuery(Long.class);
        Root<ClosureRequest> cr = c.from(ClosureRequest.class);
        long total = em.createQuery(c.select(cb.count(cr)).where(predicates(cb, cr, caller, filter)
                .toArray(Predicate[]::new))).getSingleResult();
        return new Page<>(rows, total);
    }

    /**
     * The caller's requests counted by kind and state in one query (the home pages: what waits for
     * the issuer, what came back to the enterprise), keyed {@code KIND.STATE}.
     */
    public Map<String, Long> countsForCaller() {
        Account caller = reader();
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Object[]> q = cb.createQuery(Object[].class);
        Root<ClosureRequest> r = q.from(ClosureRequest.class);
        q.multiselect(r.get("kind"), r.get("state"), cb.count(r))
                .where(predicates(cb, r, caller, new ClosureFilter(null, null, null, null, null, null, null))
                        .toArray(Predicate[]::new))
                .groupBy(r.get("kind"), r.get("state"));
        Map<String, Long> counts = new HashMap<>();
        for (Object[] row : em.createQuery(q).getResultList()) {
            counts.put(row[0] + "." + row[1], (Long) row[2]);
        }
        return counts;
    }

    private List<Predicate> predicates(CriteriaBuilder cb, Root<ClosureRequest> r, Account caller,
            ClosureFilter filter) {
        List<Predicate> where = new ArrayList<>();
        if (caller.getEnterpriseId() != null) {
            where.add(cb.equal(r.get("enterpriseId"), caller.getEnterpriseId()));
            if (caller.getDataScope() == DataScope.SELF) {
                where.add(cb.equal(r.get("createdBy"), caller.getUsername()));
            } else if (caller.getDataScope() == DataScope.DEPARTMENT) {
                where.add(caller.getDepartment() == null ? cb.disjunction()
                        : cb.equal(r.get("department"), caller.getDepartment()));
            }
        } else {
            if (caller.getDataScope() != DataScope.ALL) {
                where.add(cb.equal(r.get("authorityCode"), caller.getAuthorityCode()));
            }
            // the authority sees a request once it is submitted
            where.add(cb.notEqual(r.get("state"), ClosureState.DRAFT));
        }
        if (filter.kind() != null) {
            where.add(cb.equal(r.get("kind"), filter.kind()));
        }
        if (!filter.states().isEmpty()) {
            where.add(r.get("state").in(filter.states()));
        }
        if (filter.number() != null && !filter.number().isBlank()) {
            where.add(cb.like(r.get("licenceNumber"),
                    LikePattern.containing(filter.number().strip().toUpperCase(Locale.ROOT)), '\\'));
        }
        if (filter.submittedFrom() != null) {
            where.add(cb.greaterThanOrEqualTo(r.get("submittedAtUtc"), Zones.utcStartOf(filter.submittedFrom())));
        }
        if (filter.submittedTo() != null) {
            where.add(cb.lessThan(r.get("submittedAtUtc"), Zones.utcStartOf(filter.submittedTo().plusDays(1))));
        }
        if (filter.issuedFrom() != null) {
            where.add(cb.greaterThanOrEqualTo(r.get("licenceIssuedAtUtc"), Zones.utcStartOf(filter.issuedFrom())));
        }
        if (filter.issuedTo() != null) {
            where.add(cb.lessThan(r.get("licenceIssuedAtUtc"), Zones.utcStartOf(filter.issuedTo().plusDays(1))));
        }
        return where;
    }

    // ---- the rules ----

    /**
     * What the seed and DOMAIN.md allow: 删证 only for a valid licence customs has no usage of;
     * 核销 for a licence customs reports used and every declaration cleared, with the quantities
     * per line as customs reports them. An ended licence takes neither.
     */
    private void check(ClosureKind kind, Licence licence, Usage usage, String reason, Map<Integer, BigDecimal> quantities,
            boolean whole) {
        String number = licence.getNumber();
        LicenceStatus status = licence.getStatus();
        if (status == LicenceStatus.DELETED) {
            throw new DomainRuleException("closure.deleted", number);
        }
        if (status == LicenceStatus.WRITTEN_OFF) {
            throw new DomainRuleException("closure.writtenOff", number);
        }
        if (status == LicenceStatus.RETURNED) {
            throw new DomainRuleException("closure.returned", number);
        }
        if (kind == ClosureKind.DELETION) {
            if (licence.standingOn(today()) == LicenceStanding.EXPIRED) {
                throw new DomainRuleException("closure.expired", number, licence.getValidityEnd().toString());
            }
            if (usage.used()) {
                throw new DomainRuleException("closure.used", number, String.valueOf(usage.declarations()),
                        String.valueOf(usage.lastDeclaration()));
            }
            return;
        }
        if (!usage.used()) {
            throw new DomainRuleException("closure.notUsed", number);
        }
        if (!usage.cleared()) {
            throw new DomainRuleException("closure.notCleared", number, String.valueOf(usage.uncleared()));
        }
        if (!whole) {
            return;
        }
        if (reason == null) {
            throw new DomainRuleException("closure.reasonRequired");
        }
        if (reason.length() > ClosureRequest.REASON_MAX) {
            throw new DomainRuleException("closure.reasonTooLong", String.valueOf(ClosureRequest.REASON_MAX));
        }
        Set<Integer> known = new HashSet<>();
        for (LicenceLine line : licence.getLines()) {
            known.add(line.getLineNumber());
            BigDecimal stated = quantities == null ? null : quantities.get(line.getLineNumber());
            if (stated == null) {
                throw new DomainRuleException("closure.quantityMissing", String.valueOf(line.getLineNumber()));
            }
            if (stated.signum() < 0) {
                throw new DomainRuleException("closure.quantityNegative", String.valueOf(line.getLineNumber()));
            }
            BigDecimal used = usage.used(line.getLineNumber());
            if (stated.compareTo(used) != 0) {
                throw new DomainRuleException("closure.quantityMismatch", String.valueOf(line.getLineNumber()),
                        plain(stated), plain(used));
            }
        }
        if (quantities != null && !known.containsAll(quantities.keySet())) {
            throw new DomainRuleException("closure.unknownLine", number);
        }
    }

    /** One request per licence (the database says so too): a second is refused with the first's kind and state. */
    private void duplicate(Licence licence, Long self) {
        List<ClosureRequest> other = em.createQuery("select r from ClosureRequest r where r.licenceId = :l",
                ClosureRequest.class).setParameter("l", licence.getId()).getResultList();
        for (ClosureRequest r : other) {
            if (!r.getId().equals(self)) {
                throw new DomainRuleException("closure.duplicate." + r.getKind().name(), licence.getNumber(),
                        r.getState().name());
            }
        }
    }

    private Preview preview(Licence licence, Usage usage) {
        Enterprise holder = em.find(Enterprise.class, licence.getEnterpriseId());
        List<PreviewLine> lines = licence.getLines().stream().map(l -> new PreviewLine(l.getLineNumber(),
                l.getCommodityCode(), l.getSpecification(), l.getUnitCode(), l.getQuantity(),
                usage.used(l.getLineNumber()))).toList();
        return new Preview(licence.getNumber(), licence.getApplicationId(), holder == null ? null : holder.getName(),
                licence.getCommodityCode(), licence.getTotalQuantity(), licence.getValidityEnd(),
                licence.standingOn(today()), licence.getIssuedAtUtc(), usage.status(), usage.declarations(),
                usage.uncleared(), lines);
    }

    // ---- who ----

    private Account operator() {
        Account caller = callers.require();
        if (caller.getEnterpriseId() == null || !caller.hasRole(Role.ENTERPRISE_OPERATOR)) {
            throw new DomainRuleException("access.denied");
        }
        return caller;
    }

    /** The enterprise's users and the licence staff of an authority (system administrators: all). */
    private Account reader() {
        Account caller = callers.require();
        if (caller.getEnterpriseId() != null) {
            return caller;
        }
        boolean staff = caller.getRoles().stream().anyMatch(Role::isLicenceStaff);
        if (!staff || caller.getAuthorityCode() == null && caller.getDataScope() != DataScope.ALL) {
            throw new DomainRuleException("access.denied");
        }
        return caller;
    }

    /** The caller's licence by number: a wrong shape is refused with the format, anything not his as unknown. */
    private Licence ownLicence(Account caller, String number) {
        LicenceNumber parsed = LicenceNumber.parse(number);
        Licence licence;
        try {
            licence = licences.readable(parsed.value());
        } catch (OutOfScopeException e) {
            throw new DomainRuleException("closure.licenceUnknown", parsed.value());
        }
        if (licence.getEnterpriseId() != caller.getEnterpriseId()) {
            throw new DomainRuleException("closure.licenceUnknown", parsed.value());
        }
        return licence;
    }

    private ClosureRequest own(Account caller, long id) {
        ClosureRequest request = em.find(ClosureRequest.class, id);
        boolean inScope = request != null && caller.getEnterpriseId() != null
                && request.getEnterpriseId() == caller.getEnterpriseId() && switch (caller.getDataScope()) {
                    case SELF -> caller.getUsername().equals(request.getCreatedBy());
                    case DEPARTMENT -> caller.getDepartment() != null
                            && caller.getDepartment().equals(request.getDepartment());
                    default -> true;
                };
        if (!inScope) {
            refuse(caller, id, request);
        }
        return request;
    }

    private ClosureRequest ofAuthority(Account caller, long id) {
        ClosureRequest request = em.find(ClosureRequest.class, id);
        if (request == null || request.getState() == ClosureState.DRAFT || caller.getDataScope() != DataScope.ALL
                && !request.getAuthorityCode().equals(caller.getAuthorityCode())) {
            refuse(caller, id, request);
        }
        return request;
    }

    private ClosureRequest ownForUpdate(Account caller, long id, long seenVersion) {
        return locked(own(caller, id), seenVersion);
    }

    /** Row lock, then the version the user saw: a decision or change made meanwhile is never overwritten. */
    private ClosureRequest locked(ClosureRequest request, long seenVersion) {
        em.lock(request, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(request);
        if (request.getVersion() != seenVersion) {
            throw new DomainRuleException("closure.concurrentChange", request.getLicenceNumber());
        }
        return request;
    }

    private void refuse(Account caller, long id, ClosureRequest request) {
        if (request != null) {
            audit.record(AuditEntry.of(caller.getUsername(), "ACCESS_DENIED", "closure-request", request.label()));
        }
        throw new OutOfScopeException("closure.notFound", String.valueOf(id));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Zones.CHINA));
    }

    private static String plain(BigDecimal quantity) {
        return quantity.stripTrailingZeros().toPlainString();
    }

    private static String trim(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
