package org.xuke.reconciliation;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xuke.catalog.CatalogService;
import org.xuke.catalog.Commodity;
import org.xuke.catalog.IssuingAuthority;
import org.xuke.customs.CustomsUsage;
import org.xuke.customs.CustomsUsage.Usage;
import org.xuke.licence.Licence;
import org.xuke.licence.LicenceEnding;
import org.xuke.licence.LicenceLine;
import org.xuke.licence.LicenceStatus;
import org.xuke.platform.Zones;
import org.xuke.quota.QuotaService;
import org.xuke.reconciliation.ReconciliationRules.DeclaredLine;
import org.xuke.reconciliation.ReconciliationRules.Finding;
import org.xuke.reconciliation.ReconciliationRules.LicenceFacts;
import org.xuke.reconciliation.ReconciliationRules.LineFacts;
import org.xuke.reconciliation.ReconciliationRules.LineFigures;
import org.xuke.reconciliation.ReconciliationRules.Outcome;

/**
 * The reconciliation's reads and writes for the batch job (no caller: the job runs as the system),
 * in the chunk's transaction: which authorities and licences had usage on a business date, one
 * licence reconciled ({@link ReconciliationRules}), and the outcomes stored idempotently — figures
 * replaced, anomalies kept once, a due write-off made once where the authority allows it.
 */
@Stateless
public class Reconciliation {

    /** Who the audit log names for what the job does. */
    public static final String SYSTEM = "reconciliation";
    /** The partition of usage customs sent for numbers this deployment never issued. */
    public static final String UNKNOWN_AUTHORITY = "-";

    @PersistenceContext(unitName = "xuke")
    private EntityManager em;

    @Inject
    private CatalogService catalogs;

    @Inject
    private CustomsUsage customs;

    @Inject
    private LicenceEnding ending;

    @Inject
    private QuotaService quota;

    @Inject
    private Clock clock;

    /**
     * The authorities with licences declared against from {@code from} to {@code to} (one day, or
     * the days an outage left to catch up): one partition each.
     */
    public List<String> authorities(LocalDate from, LocalDate to) {
        return em.createQuery("select distinct l.authorityCode from Licence l where exists (select d from Declaration d "
                + "where d.licenceId = l.id and d.declarationDate between :f and :t) order by l.authorityCode",
                String.class).setParameter("f", from).setParameter("t", to).getResultList();
    }

    /** Up to {@code max} licences of the authority declared against in the days, by id, after {@code after}. */
    public List<Long> licences(String authority, LocalDate from, LocalDate to, long after, int max) {
        // by the licence's key, each checked for a declaration in the days: a page costs its own rows only
        return em.createQuery("select l.id from Licence l where l.authorityCode = :a and l.id > :after and exists "
                + "(select d from Declaration d where d.licenceId = l.id and d.declarationDate between :f and :t) "
                + "order by l.id", Long.class).setParameter("f", from).setParameter("t", to).setParameter("a", authority)
                .setParameter("after", after).setMaxResults(max).getResultList();
    }

    /** One licence against every declaration customs reported for it up to {@code date}. */
    public Outcome reconcile(long licenceId, LocalDate date) {
        Licence licence = em.find(Licence.class, licenceId);
        Usage usage = customs.of(licenceId);
        Map<Integer, BigDecimal> used = usage.usedByLine();
        Commodity commodity = catalogs.findCommodity(licence.getYear(), licence.getCommodityCode());
        BigDecimal tolerance = commodity == null ? BigDecimal.ZERO : commodity.getOvershipmentPercent();
        List<LineFacts> lines = new ArrayList<>();
        for (LicenceLine line : licence.getLines()) {
            lines.add(new LineFacts(line.getLineNumber(), line.getQuantity(), tolerance,
                    used.getOrDefault(line.getLineNumber(), BigDecimal.ZERO)));
        }
        LocalDate endedOn = licence.getStatus().isEnded() && licence.getEndedAtUtc() != null
                ? licence.getEndedAtUtc().atOffset(ZoneOffset.UTC).atZoneSameInstant(Zones.CHINA).toLocalDate() : null;
        List<DeclaredLine> declared = new ArrayList<>();
        for (Object[] row : em.createQuery("select d.declarationNumber, d.declarationDate, d.portCode, x.lineNumber, "
                + "x.quantity from Declaration d, DeclarationLine x where x.licenceId = d.licenceId and "
                + "x.declarationNumber = d.declarationNumber and d.licenceId = :l and d.declarationDate <= :d",
                Object[].class).setParameter("l", licenceId).setParameter("d", date).getResultList()) {
            declared.add(new DeclaredLine((String) row[0], (LocalDate) row[1], (String) row[2], (Integer) row[3],
                    (BigDecimal) row[4]));
        }
        return ReconciliationRules.reconcile(new LicenceFacts(licenceId, licence.getNumber(), licence.getPortCode(),
                licence.isOneBatch(), licence.getUsesAllowed(), licence.getValidityEnd(), endedOn, lines), declared)
                .withCleared(usage.cleared());
    }

    /**
     * Stores one licence's outcome for {@code date}: figures replaced, findings added once; a fully
     * used licence whose declarations customs all cleared is written off where the authority allows
     * it (customs then gets the cancellation), otherwise proposed.
     */
    public void store(Outcome outcome, LocalDate date, long executionId) {
        Licence licence = em.find(Licence.class, outcome.licenceId());
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        ReconciledLicence.Outcome done = ReconciledLicence.Outcome.NONE;
        boolean due = outcome.fullyUsed() && outcome.cleared();
        if (licence.getStatus().isEnded()) {
            done = ReconciledLicence.Outcome.ENDED;
        } else if (due) {
            done = ReconciledLicence.Outcome.PROPOSED;
            IssuingAuthority authority = catalogs.findAuthority(licence.getAuthorityCode());
            if (authority != null && authority.isAutoWriteOff()) {
                Licence locked = ending.locked(licence.getId());
                if (!locked.getStatus().isEnded()) {
                    ending.end(locked, LicenceStatus.WRITTEN_OFF, "reconciliation-" + date, SYSTEM);
                    quota.settle(locked.getNumber(), customs.of(locked.getId()).totalUsed(), "RECONCILED", SYSTEM);
                    done = ReconciledLicence.Outcome.WRITTEN_OFF;
                }
            }
        }
        // rows complete before they are persisted: a query below may flush them
        ReconciledLicence row = em.find(ReconciledLicence.class, new ReconciledLicence.Key(date, outcome.licenceId()));
        boolean fresh = row == null;
        if (fresh) {
            row = new ReconciledLicence(date, outcome.licenceId(), outcome.number(), licence.getAuthorityCode());
        }
        row.record(outcome.uses(), outcome.fullyUsed(), done, executionId, now);
        if (fresh) {
            em.persist(row);
        }
        for (LineFigures figures : outcome.lines()) {
            ReconciledLine line = em.find(ReconciledLine.class, new ReconciledLine.Key(date, outcome.licenceId(),
                    figures.lineNumber()));
            boolean newLine = line == null;
            if (newLine) {
                line = new ReconciledLine(date, outcome.licenceId(), figures.lineNumber());
            }
            line.figures(figures.licensed(), figures.used(), figures.remaining());
            if (newLine) {
                em.persist(line);
            }
        }
        for (Finding finding : outcome.findings()) {
            anomaly(date, outcome.number(), licence.getAuthorityCode(), finding);
        }
    }

    /**
     * Usage of declarations made on {@code date} that the way in refused because the licence is
     * unknown or ended: each an anomaly (the message is on the dead-letter queue with its body).
     */
    public int refusedUsage(LocalDate from, LocalDate date) {
        Map<String, String> authorities = new HashMap<>();
        int found = 0;
        for (Object[] row : em.createQuery("select m.messageId, m.licenceNumber, m.reason, m.detail from InboundMessage m "
                + "where m.kind = 'USAGE' and m.result = 'DEAD' and m.reason in ('UNKNOWN_LICENCE', 'LICENCE_ENDED') "
                + "and m.declarationDate between :f and :d order by m.messageId", Object[].class)
                .setParameter("f", from).setParameter("d", date).getResultList()) {
            String number = row[1] == null ? "?" : (String) row[1];
            boolean unknown = "UNKNOWN_LICENCE".equals(row[2]);
            String authority = unknown ? UNKNOWN_AUTHORITY : authorities.computeIfAbsent(number, n -> em.createQuery(
                    "select l.authorityCode from Licence l where l.number = :n", String.class).setParameter("n", n)
                    .getResultStream().findFirst().orElse(UNKNOWN_AUTHORITY));
            anomaly(date, number, authority, new Finding(unknown ? AnomalyType.UNKNOWN_LICENCE : AnomalyType.AFTER_END,
                    null, null, "message=" + row[0] + ";" + (row[3] == null ? "" : row[3])));
            found++;
        }
        return found;
    }

    /** A licence the job skipped, with the reason (its own transaction: the chunk's was rolled back). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void notReconciled(LocalDate date, long licenceId, String reason) {
        Licence licence = em.find(Licence.class, licenceId);
        anomaly(date, licence == null ? "?" : licence.getNumber(), licence == null ? UNKNOWN_AUTHORITY
                : licence.getAuthorityCode(), new Finding(AnomalyType.NOT_RECONCILED, null, null,
                "licenceId=" + licenceId + ";" + reason));
    }

    private void anomaly(LocalDate date, String number, String authority, Finding finding) {
        String declaration = finding.declarationNumber() == null ? "" : finding.declarationNumber();
        int line = finding.lineNumber() == null ? 0 : finding.lineNumber();
        boolean known = em.createQuery("select count(a) from ReconciliationAnomaly a where a.businessDate = :d and "
                + "a.licenceNumber = :n and a.type = :t and a.declarationNumber = :x and a.lineNumber = :l", Long.class)
                .setParameter("d", date).setParameter("n", number).setParameter("t", finding.type())
                .setParameter("x", declaration).setParameter("l", line).getSingleResult() > 0;
        if (!known) {
            em.persist(new ReconciliationAnomaly(date, number, authority, finding.type(), declaration, line,
                    finding.evidence()));
        }
    }
}
