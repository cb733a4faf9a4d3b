package org.xuke.reconciliation;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
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
import org.xuke.customs.CustomsUsage.Usage;
import org.xuke.licence.Licence;
import org.xuke.licence.LicenceEnding;
import org.xuke.licence.LicenceStatus;
import org.xuke.platform.DomainRuleException;
import org.xuke.platform.LikePattern;
import org.xuke.platform.OutOfScopeException;
import org.xuke.platform.Page;
import org.xuke.quota.QuotaService;
import org.xuke.reconciliation.ReconciliationAnomaly.State;

/**
 * The officers' side of the reconciliation, within their authority: the anomaly queue (确认, 批注,
 * 上报, each audited) and the licences the job found fully used and cleared, which the issuer
 * writes off (核销) from here where the authority does not let the job do it.
 */
@Stateless
public class ReconciliationService {

    /** The anomaly queue's search: business-date range, type, state, part of the licence number. */
    public record AnomalyFilter(LocalDate from, LocalDate to, AnomalyType type, State state, String number)
            implements Serializable {
    }

    /** A licence proposed for write-off: fully used, every declaration cleared, not ended yet. */
    public record Proposal(String number, long applicationId, LocalDate businessDate, int uses) implements Serializable {
    }

    @PersistenceContext(unitName = "xuke")
    private EntityManager em;

    @Inject
    private Callers callers;

    @Inject
    private AuditLog audit;

    @Inject
    private Clock clock;

    @Inject
    private CustomsUsage customs;

    @Inject
    private LicenceEnding ending;

    @Inject
    private QuotaService quota;

    /** 异常处理: the anomalies of the caller's authority, newest business date first. */
    public Page<ReconciliationAnomaly> anomalies(AnomalyFilter filter, int first, int max) {
        Account caller = reader();
        StringBuilder where = new StringBuilder(" from ReconciliationAnomaly a where 1 = 1");
        if (caller.getDataScope() != DataScope.ALL) {
            where.append(" and a.authorityCode = :authority");
        }
        if (filter.from() != null) {
            where.append(" and a.businessDate >= :from");
        }
        if (filter.to() != null) {
            where.append(" and a.businessDate <= :to");
        }
        if (filter.type() != null) {
            where.append(" and a.type = :type");
        }
        if (filter.state() != null) {
            where.append(" and a.state = :state");
        }
        if (filter.number() != null && !filter.number().isBlank()) {
            where.append(" and a.licenceNumber like :number escape '\\'");
        }
        TypedQuery<ReconciliationAnomaly> rows = em.createQuery("select a" + where
                + " order by a.businessDate desc, a.licenceNumber, a.id", ReconciliationAnomaly.class);
        TypedQuery<Long> count = em.createQuery("select count(a)" + where, Long.class);
        for (TypedQuery<?> q : List.of(rows, count)) {
            if (caller.getDataScope() != DataScope.ALL) {
                q.setParameter("authority", caller.getAuthorityCode());
            }
            if (filter.from() != null) {
                q.setParameter("from", filter.from());
            }
            if (filter.to() != null) {
                q.setParameter("to", filter.to());
            }
            if (filter.type() != null) {
                q.setParameter("type", filter.type());
            }
            if (filter.state() != null) {
                q.setParameter("state", filter.state());
            }
            if (filter.number() != null && !filter.number().isBlank()) {
                q.setParameter("number", LikePattern.containing(filter.number().strip().toUpperCase(Locale.ROOT)));
            }
        }
        return new Page<>(rows.setFirstResult(Math.max(0, first)).setMaxResults(Math.min(Math.max(1, max), 200))
                .getResultList(), count.getSingleResult());
    }

    /** 确认 / 批注 / 上报 one anomaly, on the version the officer saw. */
    public ReconciliationAnomaly handle(long id, long seenVersion, State to, String note) {
        Account caller = reader();
        if (!caller.hasRole(Role.ISSUER) && !caller.hasRole(Role.AUTHORITY_ADMIN)) {
            throw new DomainRuleException("access.denied");
        }
        ReconciliationAnomaly anomaly = em.find(ReconciliationAnomaly.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (anomaly == null || caller.getDataScope() != DataScope.ALL
                && !anomaly.getAuthorityCode().equals(caller.getAuthorityCode())) {
            if (anomaly != null) {
                audit.record(AuditEntry.of(caller.getUsername(), "ACCESS_DENIED", "reconciliation-anomaly",
                        String.valueOf(id)));
            }
            throw new OutOfScopeException("reconciliation.notFound", String.valueOf(id));
        }
        if (anomaly.getVersion() != seenVersion) {
            throw new DomainRuleException("reconciliation.concurrentChange", anomaly.getLicenceNumber());
        }
        anomaly.handle(to, note, caller.getUsername(), clock.instant());
        audit.record(AuditEntry.of(caller.getUsername(), "ANOMALY_" + to.name(), "reconciliation-anomaly",
                String.valueOf(id)).withDetails(anomaly.getType() + ";" + anomaly.getLicenceNumber()
                        + (anomaly.getNote() == null ? "" : ";note=" + anomaly.getNote())));
        return anomaly;
    }

    /** 建议核销: licences of the caller's authority the job found fully used and cleared, still not ended. */
    public Page<Proposal> proposals(int first, int max) {
        Account caller = reader();
        String scope = caller.getDataScope() == DataScope.ALL ? "" : " and r.authorityCode = :authority";
        String from = " from ReconciledLicence r, Licence l where l.id = r.licenceId and r.outcome = :proposed and "
                + "l.status in :open" + scope;
        TypedQuery<Object[]> rows = em.createQuery("select r.licenceNumber, l.applicationId, max(r.businessDate), "
                + "max(r.uses)" + from + " group by r.licenceNumber, l.applicationId order by r.licenceNumber",
                Object[].class);
        TypedQuery<Long> count = em.createQuery("select count(distinct r.licenceId)" + from, Long.class);
        for (TypedQuery<?> q : List.of(rows, count)) {
            q.setParameter("proposed", ReconciledLicence.Outcome.PROPOSED);
            q.setParameter("open", List.of(LicenceStatus.ISSUED, LicenceStatus.EXPIRED));
            if (!scope.isEmpty()) {
                q.setParameter("authority", caller.getAuthorityCode());
            }
        }
        return new Page<>(rows.setFirstResult(Math.max(0, first)).setMaxResults(Math.min(Math.max(1, max), 200))
                .getResultList().stream().map(r -> new Proposal((String) r[0], (Long) r[1], (LocalDate) r[2],
                        ((Number) r[3]).intValue())).toList(), count.getSingleResult());
    }

    /**
     * 核销 of a proposed licence by the issuer: fully used and cleared again under customs' row lock,
     * then written off (customs gets the cancellation) and the unused quota settled; audited.
     */
    public void writeOff(String number) {
        Account caller = reader();
        if (!caller.hasRole(Role.ISSUER)) {
            throw new DomainRuleException("access.denied");
        }
        Licence licence = em.createQuery("select l from Licence l where l.number = :n", Licence.class)
                .setParameter("n", number == null ? "" : number.strip().toUpperCase(Locale.ROOT)).getResultStream()
                .findFirst().filter(l -> caller.getDataScope() == DataScope.ALL
                        || l.getAuthorityCode().equals(caller.getAuthorityCode()))
                .orElseThrow(() -> new OutOfScopeException("licence.notFound"));
        Usage usage = customs.locked(licence.getId());
        licence = ending.locked(licence.getId());
        boolean fullyUsed = licence.getLines().stream().allMatch(l -> usage.used(l.getLineNumber())
                .compareTo(l.getQuantity()) >= 0);
        if (!fullyUsed || !usage.cleared()) {
            throw new DomainRuleException("reconciliation.notDue", licence.getNumber());
        }
        ending.end(licence, LicenceStatus.WRITTEN_OFF, "reconciliation", caller.getUsername());
        BigDecimal back = quota.settle(licence.getNumber(), usage.totalUsed(), "RECONCILED", caller.getUsername());
        audit.record(AuditEntry.of(caller.getUsername(), "RECONCILIATION_WRITE_OFF", "licence", licence.getNumber())
                .withDetails("quotaReturned=" + back.stripTrailingZeros().toPlainString()));
    }

    private Account reader() {
        Account caller = callers.require();
        boolean staff = caller.getRoles().stream().anyMatch(Role::isLicenceStaff);
        if (caller.getEnterpriseId() != null || !staff
                || caller.getAuthorityCode() == null && caller.getDataScope() != DataScope.ALL) {
            throw new DomainRuleException("access.denied");
        }
        return caller;
    }
}
