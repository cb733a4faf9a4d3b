package org.xuke.enterprise;

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

    public Enterprise register(String actor, String uscc, String authorityCode, EnterpriseDetails details) {
        UnifiedSocialCreditCode code = UnifiedSocialCreditCode.parse(uscc);
        if (findByUscc(code).isPresent()) {
            throw new DomainRuleException("enterprise.exists", code.value());
        }
        if (!catalogs.exists(CatalogKind.ISSUING_AUTHORITY, null, authorityCode)) {
            throw new DomainRuleException("enterprise.unknownAuthority", String.valueOf(authorityCode));
        }
        Enterprise enterprise = new Enterprise(code, authorityCode, details);
        em.persist(enterprise);
        audit.record(AuditEntry.of(actor, "ENTERPRISE_REGISTERED", "enterprise", code.value())
                .withDetails("name=" + enterprise.getName() + ";authority=" + authorityCode));
        return enterprise;
    }

    /**
     * Applies an edit made on the version the user saw; if someone else saved in between, the
     * edit is refused rather than silently overwriting theirs.
     */
    public Enterprise update(String actor, long enterpriseId, long seenVersion, EnterpriseDetails details) {
        Enterprise enterprise = em.find(Enterprise.class, enterpriseId);
        if (enterprise == null) {
            throw new DomainRuleException("enterprise.notFound");
        }
        if (enterprise.getVersion() != seenVersion) {
            throw new DomainRuleException("enterprise.concurrentChange");
        }
        List<String> changes = enterprise.update(details);
        if (!changes.isEmpty()) {
            audit.record(AuditEntry.of(actor, "ENTERPRISE_CHANGED", "enterprise", enterprise.getUscc().value())
                    .withDetails(String.join("; ", changes)));
        }
        return enterprise;
    }

    public Optional<Enterprise> find(long id) {
        return Optional.ofNullable(em.find(Enterprise.class, id));
    }

    public Optional<Enterprise> findByUscc(UnifiedSocialCreditCode uscc) {
        return em.createQuery("select e from Enterprise e where e.uscc = :u", Enterprise.class)
                .setParameter("u", uscc).getResultStream().findFirst();
    }
}
