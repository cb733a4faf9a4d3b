package org.xuke.licence;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Locale;
import org.xuke.audit.AuditEntry;
import org.xuke.audit.AuditLog;
import org.xuke.catalog.IssuingAuthority;
import org.xuke.account.Account;
import org.xuke.account.Callers;
import org.xuke.account.Role;
import org.xuke.platform.DomainRuleException;

/**
 * What a bureau sets for its own authority at deployment: the code of 2 to 4 letters in its
 * licence numbers (not published anywhere, so it cannot come with the reference data). Two authorities
 * may not share a code, or their numbers would collide.
 */
@Stateless
public class AuthoritySettings {

    @PersistenceContext(unitName = "xuke")
    private EntityManager em;

    @Inject
    private Callers callers;

    @Inject
    private AuditLog audit;

    /** The caller's authority (officers), or null. */
    public IssuingAuthority ownAuthority() {
        Account caller = callers.require();
        return caller.getAuthorityCode() == null ? null : authority(caller.getAuthorityCode());
    }

    public IssuingAuthority setLicenceNumberCode(String code) {
        Account caller = callers.require();
        if (!caller.hasRole(Role.AUTHORITY_ADMIN) || caller.getAuthorityCode() == null) {
            throw new DomainRuleException("access.denied");
        }
        return assign(caller.getUsername(), caller.getAuthorityCode(), code);
    }

    /** 过期配额自动退回: the authority administrator's choice for his own authority, audited. */
    public IssuingAuthority setQuotaReturnOnExpiry(boolean automatically) {
        Account caller = callers.require();
        if (!caller.hasRole(Role.AUTHORITY_ADMIN) || caller.getAuthorityCode() == null) {
            throw new DomainRuleException("access.denied");
        }
        IssuingAuthority own = authority(caller.getAuthorityCode());
        if (own == null) {
            throw new DomainRuleException("licence.noAuthority", caller.getAuthorityCode());
        }
        own.returnQuotaOnExpiry(automatically);
        audit.record(AuditEntry.of(caller.getUsername(), "QUOTA_EXPIRY_SETTING", "authority", own.getCode())
                .withDetails("automatic=" + automatically));
        return own;
    }

    /** 自动核销: the nightly reconciliation writes off fully used, cleared licences of the administrator's authority. */
    public IssuingAuthority setAutoWriteOff(boolean automatically) {
        Account caller = callers.require();
        if (!caller.hasRole(Role.AUTHORITY_ADMIN) || caller.getAuthorityCode() == null) {
            throw new DomainRuleException("access.denied");
        }
        IssuingAuthority own = authority(caller.getAuthorityCode());
        if (own == null) {
            throw new DomainRuleException("licence.noAuthority", caller.getAuthorityCode());
        }
        own.writeOffAutomatically(automatically);
        audit.record(AuditEntry.of(caller.getUsername(), "AUTO_WRITE_OFF_SETTING", "authority", own.getCode())
                .withDetails("automatic=" + automatically));
        return own;
    }

    /** Whether the unused quota of the authority's expired licences goes back by itself. */
    public boolean quotaReturnsOnExpiry(String authorityCode) {
        IssuingAuthority own = authority(authorityCode);
        return own != null && own.isQuotaReturnOnExpiry();
    }

    /** For the demo data only (no signed-in caller at start-up). */
    public IssuingAuthority assignAtDeployment(String actor, String authorityCode, String code) {
        IssuingAuthority own = authority(authorityCode);
        return own == null || own.getLicenceNumberCode() != null ? own : assign(actor, authorityCode, code);
    }

    private IssuingAuthority assign(String actor, String authorityCode, String code) {
        String value = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (!LicenceNumber.isAuthorityCode(value)) {
            throw new DomainRuleException("licence.authorityCode", value);
        }
        IssuingAuthority own = authority(authorityCode);
        if (own == null) {
            throw new DomainRuleException("licence.noAuthority", authorityCode);
        }
        boolean taken = em.createQuery("select count(a) from IssuingAuthority a where a.licenceNumberCode = :c "
                + "and a.id <> :self", Long.class).setParameter("c", value).setParameter("self", own.getId())
                .getSingleResult() > 0;
        if (taken) {
            throw new DomainRuleException("licence.codeTaken", value);
        }
        String before = own.getLicenceNumberCode();
        own.assignLicenceNumberCode(value);
        audit.record(AuditEntry.of(actor, "LICENCE_CODE_SET", "authority", own.getCode())
                .withDetails(before + "→" + value));
        return own;
    }

    private IssuingAuthority authority(String code) {
        return em.createQuery("select a from IssuingAuthority a where a.code = :c", IssuingAuthority.class)
                .setParameter("c", code).getResultStream().findFirst().orElse(null);
    }
}
