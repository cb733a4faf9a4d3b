package org.xuke.enterprise;

import org.xuke.platform.LikePattern;
import java.util.Locale;
import org.xuke.account.Account;
import org.xuke.account.Callers;
import org.xuke.account.Role;
import org.xuke.platform.OutOfScopeException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.xuke.audit.AuditEntry;
import org.xuke.audit.AuditLog;
import org.xuke.catalog.CatalogKind;
import org.xuke.catalog.CatalogService;
import org.xuke.platform.DomainRuleException;

/** The enterprise boundary: registering an enterprise and changing its record, every change audited. */
@Stateless
public class EnterpriseService {

    @PersistenceContext(unitName = "xuke")
    private EntityManager em;

    @Inject
    private AuditLog audit;

    @Inject
    private CatalogService catalogs;

    @Inject
    private Callers callers;

    /**
     * An enterprise record as the caller may see it: his own company (enterprise users), an
     * enterprise his authority serves (officers), any (system administrators). Anything else is
     * answered exactly like a missing record, and the attempt is audited.
     */
    public Enterprise viewForCaller(long enterpriseId) {
        Account caller = callers.require();
        Enterprise enterprise = em.find(Enterprise.class, enterpriseId);
        if (enterprise == null || !inScope(caller, enterprise)) {
            if (enterprise != null) {
                audit.record(AuditEntry.of(caller.getUsername(), "ACCESS_DENIED", "enterprise",
                        String.valueOf(enterpriseId)));
            }
            throw new OutOfScopeException("enterprise.notFound");
        }
        return enterprise;
    }

    /** The caller's own company (enterprise users only). */
    public Enterprise ownForCaller() {
        Account caller = callers.require();
        if (caller.getEnterpriseId() == null) {
            throw new DomainRuleException("enterprise.notFound");
        }
        return viewForCaller(caller.getEnterpriseId());
    }

    /** The enterprise administrator edits his own company's record, on the version he saw. */
    public Enterprise updateOwn(long seenVersion, EnterpriseDetails details) {
        Account caller = callers.require();
        if (caller.getEnterpriseId() == null || !caller.hasRole(Role.ENTERPRISE_ADMIN)) {
            throw new DomainRuleException("access.denied");
        }
        return update(caller.getUsername(), caller.getEnterpriseId(), seenVersion, details);
    }

    private static boolean inScope(Account caller, Enterprise enterprise) {
        return switch (caller.getDataScope()) {
            case ALL -> true;
            case AUTHORITY -> enterprise.getAuthorityCode().equals(caller.getAuthorityCode());
            case SELF, DEPARTMENT, COMPANY -> enterprise.getId().equals(caller.getEnterpriseId());
        };
    }

    public Enterprise register(String actor, String uscc, String authorityCode, EnterpriseDetails details) {
        return file(actor, uscc, authorityCode, details, false);
    }

    /**
     * A record filed by an e-key first application, provisional until that application passes
     * ({@link #confirm}). The 13-digit code must not be a real enterprise's: nobody claims
     * another company's code.
     */
    public Enterprise registerProvisional(String actor, String uscc, String authorityCode, EnterpriseDetails details) {
        return file(actor, uscc, authorityCode, details, true);
    }

    private Enterprise file(String actor, String uscc, String authorityCode, EnterpriseDetails details,
            boolean provisional) {
        UnifiedSocialCreditCode code = UnifiedSocialCreditCode.parse(uscc);
        if (findByUscc(code).isPresent()) {
            throw new DomainRuleException("enterprise.exists", code.value());
        }
        if (!catalogs.exists(CatalogKind.ISSUING_AUTHORITY, null, authorityCode)) {
            throw new DomainRuleException("enterprise.unknownAuthority", String.valueOf(authorityCode));
        }
        Enterprise enterprise = new Enterprise(code, authorityCode, details);
        requireCodeFree(enterprise);
        if (provisional) {
            enterprise.markProvisional();
        }
        em.persist(enterprise);
        audit.record(AuditEntry.of(actor, provisional ? "ENTERPRISE_FILED_PROVISIONALLY" : "ENTERPRISE_REGISTERED",
                "enterprise", code.value()).withDetails("name=" + enterprise.getName() + ";authority=" + authorityCode));
        return enterprise;
    }

    /**
     * A new first application on a provisional record, submitted: its details and chosen
     * authority replace the earlier applicant's.
     */
    public Enterprise replaceProvisionalDetails(String actor, long enterpriseId, String authorityCode,
            EnterpriseDetails details) {
        Enterprise enterprise = find(enterpriseId).filter(Enterprise::isProvisional)
                .orElseThrow(() -> new DomainRuleException("enterprise.notFound"));
        List<String> changes = enterprise.update(details);
        if (authorityCode != null && !authorityCode.equals(enterprise.getAuthorityCode())) {
            if (!catalogs.exists(CatalogKind.ISSUING_AUTHORITY, null, authorityCode)) {
                throw new DomainRuleException("enterprise.unknownAuthority", authorityCode);
            }
            changes.add("authority: " + enterprise.getAuthorityCode() + " → " + authorityCode);
            enterprise.moveTo(authorityCode);
        }
        requireCodeFree(enterprise);
        if (!changes.isEmpty()) {
            audit.record(AuditEntry.of(actor, "ENTERPRISE_CHANGED", "enterprise", enterprise.getUscc().value())
                    .withDetails("provisional; " + String.join("; ", changes)));
        }
        return enterprise;
    }

    /** The first application passed: the provisional record becomes a real enterprise. */
    public Enterprise confirm(String actor, long enterpriseId) {
        Enterprise enterprise = find(enterpriseId).orElseThrow(() -> new DomainRuleException("enterprise.notFound"));
        if (enterprise.isProvisional()) {
            requireCodeFree(enterprise);
            enterprise.confirm();
            audit.record(AuditEntry.of(actor, "ENTERPRISE_CONFIRMED", "enterprise", enterprise.getUscc().value()));
        }
        return enterprise;
    }

    /** Checks details typed for a company without filing them: the same rules as {@link #register}. */
    public void checkDetails(UnifiedSocialCreditCode uscc, String authorityCode, EnterpriseDetails details) {
        requireCodeFree(new Enterprise(uscc, authorityCode, details));
    }

    /** A 13-digit enterprise code belongs to one real enterprise (codes were not unique in the old system). */
    private void requireCodeFree(Enterprise enterprise) {
        if (enterprise.getEnterpriseCode() == null) {
            return;
        }
        boolean taken = em.createQuery("select count(e) from Enterprise e where e.enterpriseCode = :c "
                + "and e.provisional = false and e.uscc <> :u", Long.class)
                .setParameter("c", enterprise.getEnterpriseCode()).setParameter("u", enterprise.getUscc())
                .getSingleResult() > 0;
        if (taken) {
            throw new DomainRuleException("enterprise.codeTaken", enterprise.getEnterpriseCode().value());
        }
    }

    /**
     * Applies an edit made on the version the user saw; if someone else saved in between, the
     * edit is refused rather than silently overwriting theirs. Only through {@link #updateOwn},
     * which takes the enterprise from the signed-in caller.
     */
    Enterprise update(String actor, long enterpriseId, long seenVersion, EnterpriseDetails details) {
        Enterprise enterprise = em.find(Enterprise.class, enterpriseId);
        if (enterprise == null) {
            throw new DomainRuleException("enterprise.notFound");
        }
        if (enterprise.getVersion() != seenVersion) {
            throw new DomainRuleException("enterprise.concurrentChange");
        }
        List<String> changes = enterprise.update(details);
        requireCodeFree(enterprise);
        if (!changes.isEmpty()) {
            audit.record(AuditEntry.of(actor, "ENTERPRISE_CHANGED", "enterprise", enterprise.getUscc().value())
                    .withDetails(String.join("; ", changes)));
        }
        return enterprise;
    }

    /** The enterprise moves to its new unified social credit code (an e-key information change). */
    public Enterprise changeUscc(String actor, long enterpriseId, String newUscc) {
        UnifiedSocialCreditCode code = UnifiedSocialCreditCode.parse(newUscc);
        if (findByUscc(code).isPresent()) {
            throw new DomainRuleException("enterprise.exists", code.value());
        }
        Enterprise enterprise = find(enterpriseId).orElseThrow(() -> new DomainRuleException("enterprise.notFound"));
        String change = enterprise.changeUscc(code);
        audit.record(AuditEntry.of(actor, "ENTERPRISE_CHANGED", "enterprise", code.value()).withDetails(change));
        return enterprise;
    }

    public Optional<Enterprise> find(long id) {
        return Optional.ofNullable(em.find(Enterprise.class, id));
    }

    public Optional<Enterprise> findByUscc(UnifiedSocialCreditCode uscc) {
        return em.createQuery("select e from Enterprise e where e.uscc = :u", Enterprise.class)
                .setParameter("u", uscc).getResultStream().findFirst();
    }

    /** The name of the enterprise with this 13-digit code (a consignor on a form), or empty. */
    public String nameOfEnterpriseCode(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return em.createQuery("select e.name from Enterprise e where e.enterpriseCode = :c and e.provisional = false",
                String.class)
                .setParameter("c", EnterpriseCode.parse(code)).getResultStream().findFirst().orElse("");
    }

    /**
     * The ids of the enterprises whose name, or whose USCC, contains {@code text} (any case), for
     * lists above this context that search by enterprise. The code is compared as text through a
     * cast, not through its converter, so a part of it matches.
     */
    public List<Long> idsMatching(String text) {
        String part = text == null ? "" : text.strip();
        return em.createQuery("select e.id from Enterprise e where e.provisional = false and (e.name like :name "
                + "or cast(e.uscc as varchar(18)) like :code)", Long.class)
                .setParameter("name", LikePattern.containing(part))
                .setParameter("code", LikePattern.containing(part.toUpperCase(Locale.ROOT))).getResultList();
    }
}
