package org.xuke.notification;

import java.time.ZoneOffset;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.xuke.account.Account;
import org.xuke.account.Role;
import org.xuke.calendar.WorkingDays;
import org.xuke.catalog.CatalogService;
import org.xuke.platform.Zones;

/**
 * The daily watch (07:30 China time): licences ending within 30 days told to their holders,
 * applications and requests near or past their working-day limit told to the officers who work
 * them (3 working days for applications and deletion / write-off requests; e-key requests 2 for the
 * authority's check and 5 for the provider's, 2 for a revocation: seed 004), notices older than 180
 * days removed. Each notice is written once per user and key, so a second run the same day, or the
 * run of a day that missed, repeats nothing.
 */
@Stateless
public class NoticeWatch {

    private static final Logger LOG = Logger.getLogger(NoticeWatch.class.getName());
    public static final int EXPIRY_DAYS = 30;
    public static final int KEPT_DAYS = 180;
    static final int APPLICATION_DAYS = 3;

    @PersistenceContext(unitName = "xuke")
    private EntityManager em;

    @Inject
    private NoticeWriter writer;

    @Inject
    private Audience audience;

    @Inject
    private CatalogService catalogs;

    @Inject
    private Clock clock;

    /** An authority's officers by role, read once per watch (every record of the authority asks again). */
    private final Map<String, List<Account>> officersBy = new HashMap<>();

    private List<Account> officers(String authorityCode, Set<Role> roles) {
        return officersBy.computeIfAbsent(authorityCode + roles, k -> audience.officers(authorityCode, roles));
    }

    /** What one watch did. */
    public record Watched(int expiring, int due, int removed) {
    }

    @Schedule(hour = "7", minute = "30", timezone = "Asia/Shanghai", persistent = false)
    void daily() {
        try {
            Watched watched = watch(LocalDate.now(clock.withZone(Zones.CHINA)));
            LOG.info(() -> "notice watch: " + watched);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "notice watch failed; tomorrow's run catches up", e);
        }
    }

    /** The watch as of {@code today} (China date). */
    public Watched watch(LocalDate today) {
        officersBy.clear();
        WorkingDays days = catalogs.workingDays();
        int expiring = expiring(today);
        int due = applications(today, days) + closures(today, days) + ekeyRequests(today, days);
        int removed = em.createQuery("delete from Notice n where n.createdAtUtc < :before")
                .setParameter("before", Zones.utcStartOf(today.minusDays(KEPT_DAYS))).executeUpdate();
        return new Watched(expiring, due, removed);
    }

    private int expiring(LocalDate today) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, licence_number, enterprise_id, applicant, department,"
                + " validity_end from licence where status = 'ISSUED' and validity_end >= ? and validity_end <= ?")
                .setParameter(1, today).setParameter(2, today.plusDays(EXPIRY_DAYS)).getResultList();
        int written = 0;
        for (Object[] row : rows) {
            String number = (String) row[1];
            written += writer.write(audience.enterprise(((Number) row[2]).longValue(), (String) row[3], (String) row[4]),
                    null, NoticeKind.LICENCE_EXPIRING, RecordType.LICENCE, ((Number) row[0]).longValue(), number,
                    List.of(String.valueOf(row[5])), "expiring:" + number);
        }
        return written;
    }

    private int applications(LocalDate today, WorkingDays days) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, application_number, state, submitted_at_utc,"
                + " authority_code from export_application where state in ('PENDING_INITIAL_REVIEW',"
                + " 'PENDING_WITHDRAWAL', 'PENDING_SECOND_REVIEW', 'APPROVED') and submitted_at_utc is not null")
                .getResultList();
        int written = 0;
        for (Object[] row : rows) {
            String state = (String) row[2];
            Set<Role> roles = switch (state) {
                case "PENDING_SECOND_REVIEW" -> EnumSet.of(Role.SECOND_REVIEWER);
                case "APPROVED" -> EnumSet.of(Role.ISSUER);
                default -> EnumSet.of(Role.INITIAL_REVIEWER);
            };
            written += due(today, days, received(row[3]), APPLICATION_DAYS, officers((String) row[4], roles),
                    RecordType.APPLICATION, ((Number) row[0]).longValue(), (String) row[1], state);
        }
        return written;
    }

    private int closures(LocalDate today, WorkingDays days) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, licence_number, kind, submitted_at_utc, authority_code"
                + " from closure_request where state = 'PENDING' and submitted_at_utc is not null").getResultList();
        int written = 0;
        for (Object[] row : rows) {
            written += due(today, days, received(row[3]), APPLICATION_DAYS,
                    officers((String) row[4], EnumSet.of(Role.ISSUER)), RecordType.CLOSURE,
                    ((Number) row[0]).longValue(), (String) row[1], (String) row[2]);
        }
        return written;
    }

    private int ekeyRequests(LocalDate today, WorkingDays days) {
        // since the step that put the request where it waits
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select r.id, r.request_number, r.state, r.request_type,"
                + " (select max(s.at_utc) from ekey_request_step s where s.request_id = r.id and s.to_state = r.state),"
                + " e.authority_code from ekey_request r join enterprise e on e.id = r.enterprise_id"
                + " where r.state in ('SUBMITTED', 'PRECHECK_PASSED')").getResultList();
        int written = 0;
        for (Object[] row : rows) {
            if (row[4] == null) {
                continue;
            }
            boolean precheck = "SUBMITTED".equals(row[2]);
            int limit = precheck || "REVOCATION".equals(row[3]) ? 2 : 5;
            List<Account> officers = precheck
                    ? officers((String) row[5], EnumSet.of(Role.AUTHORITY_ADMIN)) : audience.providers();
            written += due(today, days, received(row[4]), limit, officers, RecordType.EKEY_REQUEST,
                    ((Number) row[0]).longValue(), (String) row[1], precheck ? "EKEY_PRECHECK" : "EKEY_PROVIDER_CHECK");
        }
        return written;
    }

    /**
     * Near (the limit ends today or on the next working day) or past it: a WORK_DUE notice, once per
     * officer, record, stage and of the two.
     */
    private int due(LocalDate today, WorkingDays days, LocalDate received, int limit, List<Account> officers,
            RecordType type, long id, String label, String stage) {
        LocalDate deadline = days.deadline(received, limit);
        String how = urgency(today, deadline, days);
        if (how == null) {
            return 0;
        }
        return writer.write(officers, null, NoticeKind.WORK_DUE, type, id, label == null ? "-" : label,
                List.of(how, stage, deadline.toString()), "due:" + type + ":" + id + ":" + stage + ":" + how);
    }

    /** OVERDUE past the deadline, NEAR when it is today or the next working day, else null. */
    static String urgency(LocalDate today, LocalDate deadline, WorkingDays days) {
        if (deadline.isBefore(today)) {
            return "OVERDUE";
        }
        LocalDate nextWorkingDay = today.plusDays(1);
        while (!days.isWorkingDay(nextWorkingDay)) {
            nextWorkingDay = nextWorkingDay.plusDays(1);
        }
        return deadline.isAfter(nextWorkingDay) ? null : "NEAR";
    }

    private static LocalDate received(Object utc) {
        LocalDateTime at = utc instanceof Timestamp t ? t.toLocalDateTime() : (LocalDateTime) utc;
        return at.atOffset(ZoneOffset.UTC).atZoneSameInstant(Zones.CHINA).toLocalDate();
    }
}
