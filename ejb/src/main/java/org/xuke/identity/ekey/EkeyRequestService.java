package org.xuke.identity.ekey;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.xuke.platform.Page;
import org.xuke.audit.AuditEntry;
import org.xuke.audit.AuditLog;
import org.xuke.catalog.CatalogEntry;
import org.xuke.catalog.CatalogFilter;
import org.xuke.catalog.CatalogKind;
import org.xuke.catalog.CatalogService;
import org.xuke.enterprise.Enterprise;
import org.xuke.enterprise.EnterpriseDetails;
import org.xuke.enterprise.EnterpriseService;
import org.xuke.enterprise.UnifiedSocialCreditCode;
import org.xuke.account.Account;
import org.xuke.account.AccountService;
import org.xuke.account.AccountService.CreatedAccount;
import org.xuke.account.Callers;
import org.xuke.identity.CertificateIssuer;
import org.xuke.identity.CertificateService;
import org.xuke.identity.CertificateService.IssuedEkey;
import org.xuke.account.DataScope;
import org.xuke.account.Role;
import org.xuke.platform.DomainRuleException;
import org.xuke.platform.OutOfScopeException;
import org.xuke.platform.SchemaMigration;
import org.xuke.reports.ReportRenderer;

/**
 * The e-key processes of seed 004 as online workflows. An applicant opens a request on the public
 * e-key page (he may have no working e-key: it is lost, locked or not made yet) and gets a request
 * number and an access code, with which he uploads the stamped scans, submits, follows the checks
 * and finally collects the new e-key once. The authority checks first (核验), the e-key provider
 * second (复核); the stamped papers are what proves the applicant speaks for the company, as on
 * the paper process. Officers act as themselves (the signed-in caller), within their scope.
 */
@Stateless
public class EkeyRequestService {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** What the holder of an access code may do: the steps of the enterprise side. */
    private static final Set<Role> APPLICANT = EnumSet.of(Role.ENTERPRISE_ADMIN);
    /** Attributes a request list may be sorted by. */
    public static final Set<String> SORTABLE = Set.of("number", "createdAtUtc", "state", "username", "type");
    /** Before the staff: what holds up another request for the same user or company. */
    private static final Set<EkeyRequestState> IN_REVIEW = EnumSet.of(EkeyRequestState.SUBMITTED,
            EkeyRequestState.PRECHECK_PASSED);
    /** The actor of what the system does by itself (the nightly expiry). */
    private static final String SYSTEM = "SYSTEM";

    @PersistenceContext(unitName = "xuke")
    private EntityManager em;

    @EJB
    private SchemaMigration schema;

    @Inject
    private Event<EkeyRequestEvent> events;

    @Inject
    private AuditLog audit;

    @Inject
    private Clock clock;

    @Inject
    private Callers callers;

    @Inject
    private AccountService accounts;

    @Inject
    private CertificateService certificates;

    @Inject
    private EnterpriseService enterprises;

    @Inject
    private CatalogService catalogs;

    @Inject
    private EkeyQueue queue;

    /** What an applicant fills in on the public page (the 申请表). */
    public record Application(EkeyRequestType type, String uscc, String username, String applicantName,
            String applicantPhone, String reason, String newUscc, String authorityCode, EnterpriseDetails enterprise)
            implements Serializable {
    }

    /** Shown once: the request number and the access code (never stored in clear). */
    public record Opened(String number, char[] accessCode) implements Serializable {
    }

    /** What the applicant receives once: the e-key and, for a new user, his one-time password. */
    public record Collected(String username, String loginSerial, byte[] pkcs12, char[] oneTimePassword)
            implements Serializable {
    }

    /** A line of the officers' queue: the request and its enterprise (the scans are on the request's page). */
    public record QueueRow(EkeyRequest request, Enterprise enterprise) implements Serializable {
    }

    /**
     * A request as its page shows it, with its scans (no scan bytes). Officers see the enterprise
     * on record; the anonymous applicant never does ({@code enterprise} is null): he sees the code
     * he typed and, for a first application, the company as he typed it.
     */
    public record View(EkeyRequest request, Enterprise enterprise, String uscc, List<EkeyScan> scans)
            implements Serializable {

        /** The company's name as this side may see it: on record for officers, as typed for the applicant. */
        public String enterpriseName() {
            return enterprise != null ? enterprise.getName() : request.typedEnterprise().name();
        }

        public Set<ScanKind> missingScans() {
            Set<ScanKind> missing = EnumSet.noneOf(ScanKind.class);
            missing.addAll(request.getType().requiredScans());
            scans.forEach(s -> missing.remove(s.getKind()));
            return missing;
        }
    }

    // ---- applicant (public page, access code) ----

    public Opened open(Application form, String sourceAddress) {
        if (form.type() == null) {
            throw new DomainRuleException("ekey.type");
        }
        String username = form.username() == null ? "" : form.username().strip().toUpperCase(Locale.ROOT);
        if (!Account.isValidUsername(username)) {
            throw new DomainRuleException("account.username", username);
        }
        UnifiedSocialCreditCode uscc = UnifiedSocialCreditCode.parse(form.uscc());
        Optional<Enterprise> existing = enterprises.findByUscc(uscc);
        Enterprise enterprise;
        if (form.type() == EkeyRequestType.FIRST_APPLICATION) {
            if (existing.isPresent() && hasAccounts(existing.get())) {
                throw new DomainRuleException("ekey.notFirst", uscc.value());
            }
            if (existing.isPresent() && firstApplicationInReview(existing.get(), null)) {
                // one company, one first application before the staff at a time: it makes the administrator
                throw new DomainRuleException("ekey.firstOpen", uscc.value());
            }
            requireFreeUsername(username, null);
            if (form.enterprise() == null) {
                throw new DomainRuleException("enterprise.required", "name");
            }
            // A company the authority registered keeps its record; a provisional one left by a first
            // application that never passed gets this applicant's details when he submits; else a
            // provisional record is filed now.
            if (existing.isPresent()) {
                enterprises.checkDetails(uscc, existing.get().getAuthorityCode(), form.enterprise());
            }
            enterprise = existing.orElseGet(() -> enterprises.registerProvisional(username, uscc.value(),
                    form.authorityCode(), form.enterprise()));
        } else {
            enterprise = existing.filter(this::hasAccounts)
                    .orElseThrow(() -> new DomainRuleException("ekey.noEnterprise", uscc.value()));
            if (form.type() == EkeyRequestType.ADDITIONAL) {
                requireFreeUsername(username, null);
                if (certificates.validLoginCount(enterprise.getId()) >= CertificateService.MAX_VALID_PER_ENTERPRISE) {
                    throw new DomainRuleException("certificate.limit",
                            String.valueOf(CertificateService.MAX_VALID_PER_ENTERPRISE));
                }
            } else {
                Account holder = accounts.find(username).filter(a -> enterprise.getId().equals(a.getEnterpriseId()))
                        .orElseThrow(() -> new DomainRuleException("ekey.noHolder", username, uscc.value()));
                if (form.type() != EkeyRequestType.REVOCATION) {
                    // a revocation (注销 of a lost or stolen key) is never held up by another request
                    requireNoRequestInReview(holder.getUsername(), null);
                }
            }
        }
        char[] accessCode = AccountService.newOneTimePassword();
        Instant now = clock.instant();
        EkeyRequest request = new EkeyRequest(nextNumber(now), form.type(), enterprise.getId(), username,
                form.reason(), form.newUscc(), username, now)
                .withApplicant(form.applicantName(), form.applicantPhone(), new String(accessCode));
        if (form.type() == EkeyRequestType.FIRST_APPLICATION) {
            request.withTypedEnterprise(form.authorityCode(), form.enterprise());
        }
        if (request.getNewUscc() != null && enterprises.findByUscc(UnifiedSocialCreditCode.parse(request.getNewUscc()))
                .isPresent()) {
            throw new DomainRuleException("enterprise.exists", request.getNewUscc());
        }
        em.persist(request);
        audit.record(AuditEntry.of(username, "EKEY_REQUEST_OPENED", "ekey-request", request.getNumber())
                .withDetails("type=" + form.type() + ";enterprise=" + uscc.value()).from(sourceAddress));
        return new Opened(request.getNumber(), accessCode);
    }

    /** The request for a number and its access code; a wrong pair reads like an unknown number. */
    public View track(String number, String accessCode, String sourceAddress) {
        return applicantView(byAccessCode(number, accessCode, sourceAddress, false));
    }

    public View upload(String number, String accessCode, ScanKind kind, String fileName, byte[] content,
            String sourceAddress) {
        EkeyRequest request = byAccessCode(number, accessCode, sourceAddress, true);
        if (!request.acceptsScans()) {
            throw new DomainRuleException("ekey.scansClosed");
        }
        if (kind == null) {
            throw new DomainRuleException("ekey.scanKind");
        }
        Instant now = clock.instant();
        Optional<EkeyScan> same = scansOf(request.getId()).stream().filter(s -> s.getKind() == kind).findFirst();
        EkeyScan scan;
        if (same.isPresent()) {
            scan = same.get();
            scan.replace(fileName, content, now);
        } else {
            scan = new EkeyScan(request.getId(), kind, fileName, content, now);
            em.persist(scan);
        }
        audit.record(AuditEntry.of(request.getUsername(), "EKEY_SCAN_UPLOADED", "ekey-request", request.getNumber())
                .withDetails("kind=" + kind + ";sha256=" + scan.getSha256() + ";bytes=" + scan.getSizeBytes())
                .from(sourceAddress));
        return applicantView(request);
    }

    /** Submits (or resubmits after a refusal) once every paper the request type needs is there. */
    public View submit(String number, String accessCode, String sourceAddress) {
        EkeyRequest request = byAccessCode(number, accessCode, sourceAddress, true);
        Set<ScanKind> missing = applicantView(request).missingScans();
        if (!missing.isEmpty()) {
            throw new DomainRuleException("ekey.scansMissing", missing.toString());
        }
        if (request.getType() != EkeyRequestType.REVOCATION) {
            // drafts block nothing: whether another request is before the staff is asked now
            requireNoRequestInReview(request.getUsername(), request);
        }
        if (request.createsUser()) {
            requireFreeUsername(request.getUsername(), request);
        }
        if (request.getType() == EkeyRequestType.FIRST_APPLICATION) {
            Enterprise enterprise = em.find(Enterprise.class, request.getEnterpriseId());
            if (firstApplicationInReview(enterprise, request)) {
                throw new DomainRuleException("ekey.firstOpen", enterprise.getUscc().value());
            }
            if (enterprise.isProvisional()) {
                enterprises.replaceProvisionalDetails(request.getUsername(), enterprise.getId(),
                        request.getTypedAuthorityCode(), request.typedEnterprise());
            }
        }
        step(request, EkeyTransition.SUBMIT, request.getUsername(), APPLICANT, null, sourceAddress);
        return applicantView(request);
    }

    public View withdraw(String number, String accessCode, String sourceAddress) {
        EkeyRequest request = byAccessCode(number, accessCode, sourceAddress, true);
        step(request, EkeyTransition.WITHDRAW, request.getUsername(), APPLICANT, null, sourceAddress);
        return applicantView(request);
    }

    /**
     * Collects the resulting e-key once: the certificates are made now, so the private key exists
     * only in the PKCS#12 under the password the applicant chose; a new user also gets his
     * one-time login password here.
     */
    public Collected collect(String number, String accessCode, char[] pkcs12Password, String sourceAddress) {
        EkeyRequest request = byAccessCode(number, accessCode, sourceAddress, true);
        if (pkcs12Password == null || pkcs12Password.length < 8) {
            throw new DomainRuleException("ekey.pkcs12Password");
        }
        if (!request.isCollectable()) {
            throw new DomainRuleException(request.getCollectedAtUtc() != null ? "ekey.collected" : "ekey.notReady");
        }
        String actor = request.getUsername();
        char[] oneTime = null;
        if (request.createsUser()) {
            boolean first = request.getType() == EkeyRequestType.FIRST_APPLICATION;
            CreatedAccount created = accounts.createEnterpriseUser(actor, request.getUsername(),
                    request.getApplicantName(), request.getEnterpriseId(), null, DataScope.COMPANY,
                    first ? EnumSet.of(Role.ENTERPRISE_ADMIN, Role.ENTERPRISE_OPERATOR)
                            : EnumSet.of(Role.ENTERPRISE_OPERATOR));
            oneTime = created.oneTimePassword();
        } else {
            // the old key is lost (补办) or replaced (更新, 信息变更): it stops working now
            int reason = request.getType() == EkeyRequestType.REISSUE ? CertificateIssuer.Revocation.KEY_COMPROMISE
                    : CertificateIssuer.Revocation.SUPERSEDED;
            certificates.revokeAllOf(actor, request.getUsername(), reason);
        }
        IssuedEkey issued = certificates.issue(actor, request.getUsername(), pkcs12Password);
        request.markCollected(issued.loginSerial(), clock.instant());
        audit.record(AuditEntry.of(actor, "EKEY_COLLECTED", "ekey-request", request.getNumber())
                .withDetails("login=" + issued.loginSerial() + ";seal=" + issued.sealSerial()).from(sourceAddress));
        return new Collected(request.getUsername(), issued.loginSerial(), issued.loginPkcs12(), oneTime);
    }

    /** The papers the applicant prints, stamps and uploads as scans (seed 004 step 3). */
    public enum Form {
        APPLICATION, SEAL_LETTER
    }

    /**
     * A generated form of the request as PDF, filled from what the applicant typed: for a first
     * application the company as he described it, for the others its code and blank lines he
     * fills in by hand. Nothing on record about an existing company reaches an anonymous requester.
     */
    public byte[] form(String number, String accessCode, Form form, String sourceAddress) {
        View view = applicantView(byAccessCode(number, accessCode, sourceAddress, false));
        EkeyRequest r = view.request();
        EnterpriseDetails typed = r.typedEnterprise();
        String date = clock.instant().atZone(CHINA).toLocalDate().toString();
        if (form == Form.SEAL_LETTER) {
            return ReportRenderer.pdf("ekey-seal-letter", Map.of("number", r.getNumber(), "date", date,
                    "enterpriseName", nonNull(typed.name()), "uscc", view.uscc(), "username", r.getUsername(),
                    "applicantName", r.getApplicantName()));
        }
        StringBuilder boxes = new StringBuilder();
        for (EkeyRequestType type : EkeyRequestType.values()) {
            boxes.append(type == r.getType() ? "■" : "□").append(TYPE_NAMES.get(type)).append(' ');
        }
        Enterprise record = em.find(Enterprise.class, r.getEnterpriseId());
        return ReportRenderer.pdf("ekey-application", Map.ofEntries(Map.entry("number", r.getNumber()),
                Map.entry("date", date), Map.entry("typeBoxes", boxes.toString().strip()),
                Map.entry("enterpriseName", nonNull(typed.name())), Map.entry("uscc", view.uscc()),
                Map.entry("enterpriseCode", nonNull(typed.enterpriseCode())),
                Map.entry("address", nonNull(typed.address())), Map.entry("authority", authorityName(record)),
                Map.entry("filingNumber", nonNull(typed.filingNumber())),
                Map.entry("contact", (nonNull(typed.contactName()) + " " + nonNull(typed.contactPhone())).strip()),
                Map.entry("username", r.getUsername()),
                Map.entry("applicant", r.getApplicantName() + " " + r.getApplicantPhone()),
                Map.entry("reason", nonNull(r.getReason())), Map.entry("newUscc", nonNull(r.getNewUscc()))));
    }

    /** The form's words for the request types (the printed form is always in Chinese). */
    private static final Map<EkeyRequestType, String> TYPE_NAMES = Map.of(EkeyRequestType.FIRST_APPLICATION, "首次申领",
            EkeyRequestType.REISSUE, "补办", EkeyRequestType.ADDITIONAL, "增办", EkeyRequestType.RENEWAL, "更新",
            EkeyRequestType.UNLOCK, "解锁", EkeyRequestType.INFORMATION_CHANGE, "信息变更", EkeyRequestType.REVOCATION,
            "注销");

    private String authorityName(Enterprise enterprise) {
        List<CatalogEntry> found = catalogs.find(CatalogKind.ISSUING_AUTHORITY,
                new CatalogFilter(null, enterprise.getAuthorityCode(), null, null), 0, 5, "code", true);
        return found.stream().filter(c -> c.getCode().equals(enterprise.getAuthorityCode())).map(CatalogEntry::getNameZh)
                .findFirst().orElse(enterprise.getAuthorityCode());
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    // ---- officers and the e-key provider (signed-in caller) ----

    /**
     * One page of the requests the caller may check, optionally in one state and matching a text,
     * sorted in the database by one of {@link #SORTABLE} (newest first by default), and their number.
     */
    public Page<QueueRow> queuePageForCaller(EkeyRequestState state, String search, int first, int max, String sort,
            boolean ascending) {
        Account caller = requireChecker();
        return new Page<>(queue.page(caller, state, search, first, max, sort, ascending),
                queue.count(caller, state, search));
    }

    public List<QueueRow> queueForCaller(EkeyRequestState state, String search, int first, int max, String sort,
            boolean ascending) {
        return queue.page(requireChecker(), state, search, first, max, sort, ascending);
    }

    public long countForCaller(EkeyRequestState state, String search) {
        return queue.count(requireChecker(), state, search);
    }

    public View viewForCaller(long requestId) {
        return view(inScope(requireChecker(), requestId));
    }

    /** A scan with its bytes, for the officer checking the papers. */
    public EkeyScan scanForCaller(long requestId, ScanKind kind) {
        EkeyRequest request = inScope(requireChecker(), requestId);
        EkeyScan scan = scansOf(request.getId()).stream().filter(s -> s.getKind() == kind).findFirst()
                .orElseThrow(() -> new OutOfScopeException("ekey.notFound"));
        scan.content(); // the bytes are lazy: load them while the transaction is open
        return scan;
    }

    /**
     * A check decision by the caller on the version he saw: a decision made meanwhile by someone
     * else wins and this one is refused. Passing the provider check carries out what needs no new
     * key (unlock, revocation, the enterprise's new code).
     */
    public View decide(long requestId, long seenVersion, EkeyTransition transition, String opinion) {
        Account caller = requireChecker();
        EkeyRequest request = inScope(caller, requestId);
        em.lock(request, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(request);
        if (request.getVersion() != seenVersion) {
            throw new DomainRuleException("ekey.concurrentDecision", request.getNumber());
        }
        if (transition == EkeyTransition.SUBMIT || transition == EkeyTransition.WITHDRAW
                || transition == EkeyTransition.EXPIRE) {
            throw new DomainRuleException("ekey.wrongRole", transition.name());
        }
        step(request, transition, caller.getUsername(), caller.getRoles(), opinion, null);
        if (transition == EkeyTransition.PASS_PROVIDER_CHECK) {
            complete(caller.getUsername(), request);
        }
        return view(request);
    }

    /**
     * Withdraws the drafts and returned requests whose applicant has not answered in time
     * ({@link EkeyRequest#isStaleAt}); the nightly timer calls this. Returns how many expired.
     */
    public int expireStale(Instant now) {
        List<EkeyRequest> waiting = em.createQuery("select r from EkeyRequest r where r.state in :s",
                EkeyRequest.class).setParameter("s", EnumSet.of(EkeyRequestState.DRAFT,
                        EkeyRequestState.PRECHECK_FAILED, EkeyRequestState.PROVIDER_FAILED)).getResultList();
        int expired = 0;
        for (EkeyRequest request : waiting) {
            if (request.isStaleAt(now)) {
                EkeyRequestStep step = request.apply(EkeyTransition.EXPIRE, SYSTEM, EnumSet.of(Role.SYSTEM_ADMIN),
                        null, now);
                audit.record(AuditEntry.of(SYSTEM, "EKEY_REQUEST_EXPIRE", "ekey-request", request.getNumber())
                        .withDetails(step.getFrom() + "→" + step.getTo()));
                expired++;
            }
        }
        return expired;
    }

    // ---- internals ----

    private void complete(String actor, EkeyRequest request) {
        switch (request.getType()) {
            case UNLOCK -> accounts.unlock(actor, request.getUsername());
            case REVOCATION -> certificates.revokeAllOf(actor, request.getUsername(),
                    CertificateIssuer.Revocation.CESSATION_OF_OPERATION);
            case INFORMATION_CHANGE -> enterprises.changeUscc(actor, request.getEnterpriseId(), request.getNewUscc());
            case FIRST_APPLICATION -> enterprises.confirm(actor, request.getEnterpriseId());
            default -> {
                // a new key: made when the applicant collects it
            }
        }
    }

    private void step(EkeyRequest request, EkeyTransition transition, String actor, Set<Role> roles, String opinion,
            String sourceAddress) {
        EkeyRequestStep step = request.apply(transition, actor, roles, opinion, clock.instant());
        audit.record(AuditEntry.of(actor, "EKEY_REQUEST_" + transition.name(), "ekey-request", request.getNumber())
                .withDetails(step.getFrom() + "→" + step.getTo()
                        + (step.getOpinion() == null ? "" : ";opinion=" + step.getOpinion()))
                .from(sourceAddress));
        events.fire(new EkeyRequestEvent(transition, request.getId(), request.getNumber(), request.getType(),
                request.getEnterpriseId(), request.getUsername(), actor, step.getOpinion()));
    }

    private EkeyRequest byAccessCode(String number, String accessCode, String sourceAddress, boolean forUpdate) {
        String key = number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
        TypedQuery<EkeyRequest> query = em.createQuery("select r from EkeyRequest r where r.number = :n",
                EkeyRequest.class).setParameter("n", key);
        if (forUpdate) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        Optional<EkeyRequest> found = query.getResultStream().findFirst();
        if (found.isEmpty() || !found.get().acceptsAccessCode(accessCode)) {
            audit.record(AuditEntry.of("-", "EKEY_REQUEST_ACCESS_REFUSED", "ekey-request", key.isEmpty() ? "-" : key)
                    .from(sourceAddress));
            throw new OutOfScopeException("ekey.notFound");
        }
        return found.get();
    }

    private Account requireChecker() {
        Account caller = callers.require();
        if (!caller.hasRole(Role.AUTHORITY_ADMIN) && !caller.hasRole(Role.EKEY_PROVIDER)
                && !caller.hasRole(Role.SYSTEM_ADMIN)) {
            throw new DomainRuleException("access.denied");
        }
        return caller;
    }

    /** Authority administrators see their authority's enterprises; the provider and system staff all. */
    private EkeyRequest inScope(Account caller, long requestId) {
        EkeyRequest request = em.find(EkeyRequest.class, requestId);
        if (request == null) {
            throw new OutOfScopeException("ekey.notFound");
        }
        if (caller.getDataScope() != DataScope.ALL) {
            Enterprise enterprise = em.find(Enterprise.class, request.getEnterpriseId());
            if (!enterprise.getAuthorityCode().equals(caller.getAuthorityCode())) {
                audit.record(AuditEntry.of(caller.getUsername(), "ACCESS_DENIED", "ekey-request", request.getNumber()));
                throw new OutOfScopeException("ekey.notFound");
            }
        }
        return request;
    }

    private View view(EkeyRequest request) {
        Enterprise enterprise = em.find(Enterprise.class, request.getEnterpriseId());
        return new View(request, enterprise, enterprise.getUscc().value(), scansOf(request.getId()));
    }

    private View applicantView(EkeyRequest request) {
        Enterprise enterprise = em.find(Enterprise.class, request.getEnterpriseId());
        return new View(request, null, enterprise.getUscc().value(), scansOf(request.getId()));
    }

    private List<EkeyScan> scansOf(long requestId) {
        return em.createQuery("select s from EkeyScan s where s.requestId = :r order by s.kind", EkeyScan.class)
                .setParameter("r", requestId).getResultList();
    }

    /** Another first application of the company before the staff, or passed and not yet collected. */
    private boolean firstApplicationInReview(Enterprise enterprise, EkeyRequest except) {
        return em.createQuery("select count(r) from EkeyRequest r where r.enterpriseId = :e and r.type = :t and "
                + "r.id <> :x and (r.state in :review or (r.state = :done and r.collectedAtUtc is null))", Long.class)
                .setParameter("e", enterprise.getId()).setParameter("t", EkeyRequestType.FIRST_APPLICATION)
                .setParameter("x", except == null ? -1L : except.getId()).setParameter("review", IN_REVIEW)
                .setParameter("done", EkeyRequestState.COMPLETED).getSingleResult() > 0;
    }

    private boolean hasAccounts(Enterprise enterprise) {
        return em.createQuery("select count(a) from Account a where a.enterpriseId = :e", Long.class)
                .setParameter("e", enterprise.getId()).getSingleResult() > 0;
    }

    /** A new user name must be free, and not asked for by another request before the staff either. */
    private void requireFreeUsername(String username, EkeyRequest except) {
        if (accounts.find(username).isPresent()) {
            throw new DomainRuleException("account.taken", username);
        }
        requireNoRequestInReview(username, except);
    }

    /**
     * Only a request before the staff (submitted, or passed and its key not yet collected) holds
     * up another for the same user: drafts and returned requests block nothing, so whoever opens
     * one for somebody else's user name holds up nobody.
     */
    private void requireNoRequestInReview(String username, EkeyRequest except) {
        long inReview = em.createQuery("select count(r) from EkeyRequest r where r.username = :u and r.id <> :x "
                + "and r.state in :review", Long.class).setParameter("u", username)
                .setParameter("x", except == null ? -1L : except.getId()).setParameter("review", IN_REVIEW)
                .getSingleResult();
        long uncollected = em.createQuery("select count(r) from EkeyRequest r where r.username = :u and r.id <> :x "
                + "and r.state = :done and r.collectedAtUtc is null and r.type in :keyed", Long.class)
                .setParameter("u", username).setParameter("x", except == null ? -1L : except.getId())
                .setParameter("done", EkeyRequestState.COMPLETED)
                .setParameter("keyed", EnumSet.of(EkeyRequestType.FIRST_APPLICATION, EkeyRequestType.REISSUE,
                        EkeyRequestType.ADDITIONAL, EkeyRequestType.RENEWAL, EkeyRequestType.INFORMATION_CHANGE))
                .getSingleResult();
        if (inReview + uncollected > 0) {
            throw new DomainRuleException("ekey.openRequest", username);
        }
    }

    private String nextNumber(Instant now) {
        long n = ((Number) em.createNativeQuery(schema.dialect().nextValue("ekey_request_number_seq")).getSingleResult())
                .longValue();
        return String.format("EK%d%06d", now.atZone(CHINA).getYear(), n % 1_000_000);
    }
}
