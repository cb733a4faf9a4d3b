package org.xuke.closure;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.xuke.account.Account;
import org.xuke.account.Callers;
import org.xuke.account.DataScope;
import org.xuke.account.Role;
import org.xuke.audit.AuditEntry;
import org.xuke.audit.AuditLog;
import org.xuke.customs.CustomsUsage;
import org.xuke.licence.Licence;
import org.xuke.licence.LicenceEnding;
import org.xuke.licence.LicenceStatus;
import org.xuke.platform.DomainRuleException;
import org.xuke.platform.LikePattern;
import org.xuke.platform.OutOfScopeException;
import org.xuke.platform.Page;
import org.xuke.quota.QuotaService;

/**
 * 过期未用配额: the expired licences of the authority that still hold quota they did not use (customs'
 * figures), for the authority administrator, who gives it back licence by licence where the
 * authority does not give it back automatically.
 */
@Stateless
public class ExpiredQuota {

    /** One expired licence with quota outstanding: drawn, given back, used at customs, and what may still come back. */
    public record Row(String number, long applicationId, String holderName, String commodityCode, LocalDate validityEnd,
            BigDecimal drawn, BigDecimal returned, BigDecimal used, BigDecimal returnable) implements Serializable {
    }

    @PersistenceContext(unitName = "xuke")
    private EntityManager em;

    @Inject
    private Callers callers;

    @Inject
    private CustomsUsage customs;

    @Inject
    private QuotaService quota;

    @Inject
    private LicenceEnding ending;

    @Inject
    private AuditLog audit;

    /** Expired licences of the caller's authority with quota not given back, newest end first. */
    public Page<Row> pageForCaller(String number, int first, int max) {
        Account caller = administrator();
        String scope = caller.getDataScope() == DataScope.ALL ? "" : " and l.authorityCode = :a";
        String search = number == null || number.isBlank() ? "" : " and l.number like :n escape '\\'";
        String from = " from Licence l, QuotaDraw d, Enterprise e where d.licenceNumber = l.number and e.id = "
                + "l.enterpriseId and l.status = :s and d.returned < d.quantity" + scope + search;
        var rows = em.createQuery("select l, d.quantity, d.returned, e.name" + from
                + " order by l.validityEnd desc, l.number", Object[].class);
        var count = em.createQuery("select count(l)" + from, Long.class);
        for (var q : List.of(rows, count)) {
            q.setParameter("s", LicenceStatus.EXPIRED);
            if (!scope.isEmpty()) {
                q.setParameter("a", caller.getAuthorityCode());
            }
            if (!search.isEmpty()) {
                q.setParameter("n", LikePattern.containing(number.strip().toUpperCase(Locale.ROOT)));
            }
        }
        List<Row> page = rows.setFirstResult(Math.max(0, first)).setMaxResults(Math.min(Math.max(1, max), 200))
                .getResultList().stream().map(r -> {
                    Licence l = (Licence) r[0];
                    BigDecimal used = customs.of(l.getId()).totalUsed();
                    return new Row(l.getNumber(), l.getApplicationId(), (String) r[3], l.getCommodityCode(),
                            l.getValidityEnd(), (BigDecimal) r[1], (BigDecimal) r[2], used,
                            quota.returnable(l.getNumber(), used));
                }).toList();
        return new Page<>(page, count.getSingleResult());
    }

    /** 退回配额: what an expired licence of the caller's authority did not use comes back; audited. */
    public BigDecimal giveBack(String number) {
        Account caller = administrator();
        Licence licence = em.createQuery("select l from Licence l where l.number = :n", Licence.class)
                .setParameter("n", number == null ? "" : number.strip().toUpperCase(Locale.ROOT)).getResultStream()
                .findFirst().filter(l -> caller.getDataScope() == DataScope.ALL
                        || l.getAuthorityCode().equals(caller.getAuthorityCode()))
                .orElseThrow(() -> new OutOfScopeException("licence.notFound"));
        BigDecimal used = customs.locked(licence.getId()).totalUsed();
        licence = ending.locked(licence.getId());
        if (licence.getStatus() != LicenceStatus.EXPIRED) {
            throw new DomainRuleException("closure.notExpired", licence.getNumber());
        }
        BigDecimal back = quota.settle(licence.getNumber(), used, "EXPIRED", caller.getUsername());
        if (back.signum() == 0) {
            throw new DomainRuleException("closure.nothingToReturn", licence.getNumber());
        }
        audit.record(AuditEntry.of(caller.getUsername(), "EXPIRED_QUOTA_RETURNED", "licence", licence.getNumber())
                .withDetails("quantity=" + back.stripTrailingZeros().toPlainString()));
        return back;
    }

    private Account administrator() {
        Account caller = callers.require();
        if (caller.getEnterpriseId() != null
                || !caller.hasRole(Role.AUTHORITY_ADMIN) && !caller.hasRole(Role.SYSTEM_ADMIN)
                || caller.getAuthorityCode() == null && caller.getDataScope() != DataScope.ALL) {
            throw new DomainRuleException("access.denied");
        }
        return caller;
    }
}
