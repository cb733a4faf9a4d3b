package org.xuke.reconciliation;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xuke.catalog.CatalogService;
import org.xuke.catalog.Commodity;
import org.xuke.catalog.IssuingAuthority;
import org.xuke.customs.CustomsUsage;
import org.xuke.enterprise.UnifiedSocialCreditCode;
import org.xuke.customs.CustomsMessage.DeclarationState;
import org.xuke.licence.Licence;
import org.xuke.licence.LicenceEnding;
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
 * in the chunk's transaction: which authorities and licences had usage in the days of a run, a chunk
 * of licences reconciled ({@link ReconciliationRules}) and stored idempotently — figures replaced,
 * anomalies kept once, a due write-off made once where the authority allows it.
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

    /** How many licences of the authority (every authority: null) are declared against in the days. */
    public long count(String authority, LocalDate from, LocalDate to) {
        var count = em.createQuery("select count(l) from Licence l where " + (authority == null ? ""
                : "l.authorityCode = :a and ") + "exists (select d from Declaration d where d.licenceId = l.id and "
                + "d.declarationDate between :f and :t)", Long.class).setParameter("f", from).setParameter("t", to);
        return (authority == null ? count : count.setParameter("a", authority)).getSingleResult();
    }

    /**
     * An execution begins (a start or a restart): kept with who started it and the server instance it
     * runs on, once (a second call for the same execution changes nothing).
     */
    public void runStarted(long executionId, long firstExecutionId, LocalDate date, LocalDate from, String authority,
            String instance, String startedBy) {
        if (em.find(ReconciliationRun.class, executionId) == null) {
            em.persist(new ReconciliationRun(executionId, firstExecutionId, date, from,
                    authority == null || authority.isBlank() ? null : authority, instance,
                    startedBy == null || startedBy.isBlank() ? SYSTEM : startedBy,
                    LocalDateTime.now(clock.withZone(ZoneOffset.UTC))));
        }
    }

    /** How many licences an execution has to reconcile (its partitions' sum; the progress bar's end). */
    public void total(long executionId, long licences) {
        ReconciliationRun run = em.find(ReconciliationRun.class, executionId);
        if (run != null) {
            run.total(licences);
        }
    }

    /** The executions kept, by id. */
    public Map<Long, ReconciliationRun> runs(List<Long> executionIds) {
        Map<Long, ReconciliationRun> runs = new HashMap<>();
        if (!executionIds.isEmpty()) {
            em.createQuery("select r from ReconciliationRun r where r.executionId in :ids", ReconciliationRun.class)
                    .setParameter("ids", executionIds).getResultList().forEach(r -> runs.put(r.getExecutionId(), r));
        }
        return runs;
    }

    /**
     * The licences reconciled so far by a job instance (its first execution and every restart of it)
     * for the date: a licence a restart does again counts once.
     */
    public long done(long firstExecutionId, LocalDate date) {
        return em.createQuery("select count(r) from ReconciledLicence r where r.businessDate = :d and r.executionId in "
                + "(select x.executionId from ReconciliationRun x where x.firstExecutionId = :f)", Long.class)
                .setParameter("d", date).setParameter("f", firstExecutionId).getSingleResult();
    }

    /** The first execution of the job instance an execution belongs to (itself when it is not kept). */
    public long firstOf(long executionId) {
        ReconciliationRun run = em.find(ReconciliationRun.class, executionId);
        return run == null ? executionId : run.getFirstExecutionId();
    }

    /**
     * Where a partition of a restarted run goes on: the last licence (by id) of the authority that the
     * executions of the job instance stored for the date. The partition's chunks commit in id order,
     * so this is the checkpoint the batch runtime would keep — kept here, where a crash cannot lose it.
     */
    public long resumePoint(long firstExecutionId, String authority, LocalDate date) {
        Long last = em.createQuery("select max(r.licenceId) from ReconciledLicence r where r.businessDate = :d and "
                + "r.authorityCode = :a and r.executionId in (select x.executionId from ReconciliationRun x where "
                + "x.firstExecutionId = :f)", Long.class).setParameter("d", date).setParameter("a", authority)
                .setParameter("f", firstExecutionId).getSingleResult();
        return last == null ? 0L : last;
    }

    /** The executions started on this server instance (those it may mark interrupted when it starts again). */
    public List<Long> executionsOn(String instance) {
        return em.createQuery("select r.executionId from ReconciliationRun r where r.instanceName = :i", Long.class)
                .setParameter("i", instance).getResultList();
    }

    /** A bad line of a declarations file, skipped: kept with its reason, once per file, line and content. */
    public void skipped(long executionId, String file, int line, String reason, String content) {
        String text = content == null ? "" : content.length() > 1000 ? content.substring(0, 1000) : content;
        boolean known = !em.createQuery("select s.id from SkippedLine s where s.fileName = :f and s.lineNumber = :l "
                + "and s.content = :c", Long.class).setParameter("f", file).setParameter("l", line)
                .setParameter("c", text).setMaxResults(1).getResultList().isEmpty();
        if (!known) {
            em.persist(new SkippedLine(executionId, file, line, reason, text,
                    LocalDateTime.now(clock.withZone(ZoneOffset.UTC))));
        }
    }

    /** Up to {@code max} licences of the authority declared against in the days, by id, after {@code after}. */
    public List<Long> licences(String authority, LocalDate from, LocalDate to, long after, int max) {
        // by the licence's key, each checked for a declaration in the days: a page costs its own rows only
        return em.createQuery("select l.id from Licence l where l.authorityCode = :a and l.id > :after and exists "
                + "(select d from Declaration d where d.licenceId = l.id and d.declarationDate between :f and :t) "
                + "order by l.id", Long.class).setParameter("f", from).setParameter("t", to).setParameter("a", authority)
                .setParameter("after", after).setMaxResults(max).getResultList();
    }

    /**
     * A chunk of licences reconciled and stored with a handful of set queries (not a dozen per
     * licence): the licences and their lines, customs' cumulative figures, the declarations with
     * their lines, what was stored for the date before, the findings known. A licence whose data
     * breaks the rules' assumptions is recorded as not reconciled and the others go on.
     */
    public void reconcileAndStore(List<Long> ids, LocalDate date, long executionId) {
        if (ids.isEmpty()) {
            return;
        }
        Map<Long, Licence> licences = new HashMap<>();
        Map<Long, String> holders = new HashMap<>();
        for (Object[] row : em.createQuery("select l, e.uscc from Licence l, Enterprise e where e.id = l.enterpriseId "
                + "and l.id in :ids", Object[].class).setParameter("ids", ids).getResultList()) {
            Licence l = (Licence) row[0];
            licences.put(l.getId(), l);
            holders.put(l.getId(), ((UnifiedSocialCreditCode) row[1]).value());
        }
        Map<Long, List<Object[]>> lines = group(em.createQuery("select l.id, g.lineNumber, g.quantity from Licence l "
                + "join l.lines g where l.id in :ids", Object[].class).setParameter("ids", ids).getResultList());
        Map<Long, List<Object[]>> used = group(em.createQuery("select u.licenceId, u.lineNumber, u.cumulativeQuantity "
                + "from LineUsage u where u.licenceId in :ids", Object[].class).setParameter("ids", ids).getResultList());
        Map<Long, List<Object[]>> declared = group(em.createQuery("select d.licenceId, d.declarationNumber, "
                + "d.declarationDate, d.portCode, x.lineNumber, x.quantity, d.state, d.declarantUscc from Declaration d, "
                + "DeclarationLine x "
                + "where x.licenceId = d.licenceId and x.declarationNumber = d.declarationNumber and d.licenceId in :ids "
                + "and d.declarationDate <= :d", Object[].class).setParameter("ids", ids).setParameter("d", date)
                .getResultList());
        Map<Long, ReconciledLicence> before = new HashMap<>();
        for (ReconciledLicence r : em.createQuery("select r from ReconciledLicence r where r.businessDate = :d and "
                + "r.licenceId in :ids", ReconciledLicence.class).setParameter("d", date).setParameter("ids", ids)
                .getResultList()) {
            before.put(r.getLicenceId(), r);
        }
        Map<String, ReconciledLine> linesBefore = new HashMap<>();
        for (ReconciledLine r : em.createQuery("select r from ReconciledLine r where r.businessDate = :d and "
                + "r.licenceId in :ids", ReconciledLine.class).setParameter("d", date).setParameter("ids", ids)
                .getResultList()) {
            linesBefore.put(r.getLicenceId() + "/" + r.getLineNumber(), r);
        }
        Set<String> known = knownFindings(date, licences.values().stream().map(Licence::getNumber).toList());
        Map<String, BigDecimal> tolerances = new HashMap<>();
        Map<String, Boolean> autoWriteOff = new HashMap<>();
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        for (long id : ids) {
            Licence licence = licences.get(id);
            if (licence == null) {
                continue;
            }
            Outcome outcome;
            try {
                outcome = outcome(licence, holders.get(id), date, lines.getOrDefault(id, List.of()),
                        used.getOrDefault(id, List.of()), declared.getOrDefault(id, List.of()), tolerances);
            } catch (RuntimeException e) {
                record(known, date, licence.getNumber(), licence.getAuthorityCode(), new Finding(
                        AnomalyType.NOT_RECONCILED, null, null, "licenceId=" + id + ";" + e));
                continue;
            }
            ReconciledLicence.Outcome done = writeOffIfDue(licence, outcome, date, autoWriteOff);
            ReconciledLicence row = before.get(id);
            boolean fresh = row == null;
            if (fresh) {
                row = new ReconciledLicence(date, id, outcome.number(), licence.getAuthorityCode());
            }
            row.record(outcome.uses(), outcome.fullyUsed(), done, executionId, now);
            if (fresh) {
                em.persist(row);
            }
            for (LineFigures figures : outcome.lines()) {
                ReconciledLine line = linesBefore.get(id + "/" + figures.lineNumber());
                boolean newLine = line == null;
                if (newLine) {
                    line = new ReconciledLine(date, id, figures.lineNumber());
                }
                line.figures(figures.licensed(), figures.used(), figures.remaining());
                if (newLine) {
                    em.persist(line);
                }
            }
            for (Finding finding : outcome.findings()) {
                record(known, date, outcome.number(), licence.getAuthorityCode(), finding);
            }
        }
    }

    private Outcome outcome(Licence licence, String holder, LocalDate date, List<Object[]> lines, List<Object[]> used,
            List<Object[]> declared, Map<String, BigDecimal> tolerances) {
        BigDecimal tolerance = tolerances.computeIfAbsent(licence.getYear() + "/" + licence.getCommodityCode(), k -> {
            Commodity commodity = catalogs.findCommodity(licence.getYear(), licence.getCommodityCode());
            return commodity == null ? BigDecimal.ZERO : commodity.getOvershipmentPercent();
        });
        Map<Integer, BigDecimal> cumulative = new HashMap<>();
        used.forEach(u -> cumulative.put((Integer) u[1], (BigDecimal) u[2]));
        List<LineFacts> facts = new ArrayList<>();
        for (Object[] line : lines) {
            facts.add(new LineFacts((Integer) line[1], (BigDecimal) line[2], tolerance,
                    cumulative.getOrDefault((Integer) line[1], BigDecimal.ZERO)));
        }
        facts.sort(Comparator.comparingInt(LineFacts::lineNumber));
        List<DeclaredLine> declarations = new ArrayList<>();
        Set<String> uncleared = new HashSet<>();
        for (Object[] d : declared) {
            declarations.add(new DeclaredLine((String) d[1], (LocalDate) d[2], (String) d[3], (Integer) d[4],
                    (BigDecimal) d[5], (String) d[7]));
            if (d[6] != DeclarationState.CLEARED) {
                uncleared.add((String) d[1]);
            }
        }
        LocalDate endedOn = licence.getStatus().isEnded() && licence.getEndedAtUtc() != null
                ? licence.getEndedAtUtc().atOffset(ZoneOffset.UTC).atZoneSameInstant(Zones.CHINA).toLocalDate() : null;
        return ReconciliationRules.reconcile(new LicenceFacts(licence.getId(), licence.getNumber(),
                licence.getPortCode(), licence.isOneBatch(), licence.getUsesAllowed(), licence.getValidityEnd(), endedOn,
                facts, holder), declarations).withCleared(!declarations.isEmpty() && uncleared.isEmpty());
    }

    /** What a fully used, cleared licence comes to: written off where the authority allows it, else proposed. */
    private ReconciledLicence.Outcome writeOffIfDue(Licence licence, Outcome outcome, LocalDate date,
            Map<String, Boolean> autoWriteOff) {
        if (licence.getStatus().isEnded()) {
            return ReconciledLicence.Outcome.ENDED;
        }
        if (!outcome.fullyUsed() || !outcome.cleared()) {
            return ReconciledLicence.Outcome.NONE;
        }
        // the authority's setting read once per chunk (a year's run has thousands of licences due)
        if (!autoWriteOff.computeIfAbsent(licence.getAuthorityCode(), code -> {
            IssuingAuthority authority = catalogs.findAuthority(code);
            return authority != null && authority.isAutoWriteOff();
        })) {
            return ReconciledLicence.Outcome.PROPOSED;
        }
        Licence locked = ending.locked(licence.getId());
        if (locked.getStatus().isEnded()) {
            return ReconciledLicence.Outcome.ENDED;
        }
        ending.end(locked, LicenceStatus.WRITTEN_OFF, "reconciliation-" + date, SYSTEM);
        quota.settle(locked.getNumber(), customs.of(locked.getId()).totalUsed(), "RECONCILED", SYSTEM);
        return ReconciledLicence.Outcome.WRITTEN_OFF;
    }

    private void record(Set<String> known, LocalDate date, String number, String authority, Finding finding) {
        String declaration = finding.declarationNumber() == null ? ReconciliationAnomaly.NO_DECLARATION
                : finding.declarationNumber();
        int line = finding.lineNumber() == null ? 0 : finding.lineNumber();
        if (known.add(number + "/" + finding.type() + "/" + declaration + "/" + line)) {
            em.persist(new ReconciliationAnomaly(date, number, authority, finding.type(), declaration, line,
                    finding.evidence()));
        }
    }

    private static Map<Long, List<Object[]>> group(List<Object[]> rows) {
        Map<Long, List<Object[]>> by = new HashMap<>();
        rows.forEach(r -> by.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add(r));
        return by;
    }

    /**
     * Usage of declarations made on {@code date} that the way in refused because the licence is
     * unknown or ended: each an anomaly (the message is on the dead-letter queue with its body).
     */
    public int refusedUsage(LocalDate from, LocalDate date) {
        List<Object[]> refused = em.createQuery("select m.messageId, m.licenceNumber, m.reason, m.detail from "
                + "InboundMessage m where m.kind = 'USAGE' and m.result = 'DEAD' and m.reason in ('UNKNOWN_LICENCE', "
                + "'LICENCE_ENDED') and m.declarationDate between :f and :d order by m.messageId", Object[].class)
                .setParameter("f", from).setParameter("d", date).getResultList();
        if (refused.isEmpty()) {
            return 0;
        }
        Set<String> known = knownFindings(date, refused.stream().map(r -> r[1] == null ? "?" : (String) r[1])
                .distinct().toList());
        Map<String, String> authorities = new HashMap<>();
        for (Object[] row : refused) {
            String number = row[1] == null ? "?" : (String) row[1];
            boolean unknown = "UNKNOWN_LICENCE".equals(row[2]);
            String authority = unknown ? UNKNOWN_AUTHORITY : authorities.computeIfAbsent(number, n -> em.createQuery(
                    "select l.authorityCode from Licence l where l.number = :n", String.class).setParameter("n", n)
                    .getResultStream().findFirst().orElse(UNKNOWN_AUTHORITY));
            record(known, date, number, authority, new Finding(unknown ? AnomalyType.UNKNOWN_LICENCE
                    : AnomalyType.AFTER_END, null, null, "message=" + row[0] + ";" + (row[3] == null ? "" : row[3])));
        }
        return refused.size();
    }

    /** The findings already kept for these licences on the date, as {@link #record} keys them. */
    private Set<String> knownFindings(LocalDate date, List<String> numbers) {
        Set<String> known = new HashSet<>();
        for (Object[] a : em.createQuery("select a.licenceNumber, a.type, a.declarationNumber, a.lineNumber from "
                + "ReconciliationAnomaly a where a.businessDate = :d and a.licenceNumber in :n", Object[].class)
                .setParameter("d", date).setParameter("n", numbers).getResultList()) {
            known.add(a[0] + "/" + a[1] + "/" + a[2] + "/" + a[3]);
        }
        return known;
    }
}
