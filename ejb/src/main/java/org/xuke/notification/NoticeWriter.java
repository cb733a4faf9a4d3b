package org.xuke.notification;

import jakarta.persistence.Query;
import java.text.MessageFormat;
import java.util.Collections;
import org.xuke.identity.ekey.EkeyTransition;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.xuke.account.Account;
import org.xuke.account.Role;
import org.xuke.application.ApplicationEvent;
import org.xuke.closure.ClosureEvent;
import org.xuke.closure.ClosureState;
import org.xuke.customs.CustomsEvent;
import org.xuke.enterprise.Enterprise;
import org.xuke.identity.ekey.EkeyRequestEvent;
import org.xuke.notification.NoticeKind.Channel;

/**
 * Turns the domain events of the contexts below into notices, in the transaction of the decision
 * (DESIGN.md: upward news as CDI events): a decision rolled back leaves no notice and no e-mail.
 * Every notice goes to exactly the users who may read its record, never to the one who acted; an
 * e-mail or SMS is queued in the outbox for a user who subscribed to the kind and gave an address.
 */
@Dependent
public class NoticeWriter {

    @PersistenceContext(unitName = "xuke")
    private EntityManager em;

    @Inject
    private Audience audience;

    @Inject
    private Clock clock;

    @Inject
    private Event<NoticesWritten> written;

    /** Who got notices in this transaction: told (the live count, the outbox) once it committed. */
    public record NoticesWritten(Set<String> usernames, boolean deliveries) {
    }

    void application(@Observes ApplicationEvent event) {
        Set<Role> next = switch (event.transition()) {
            case SUBMIT, WITHDRAW -> EnumSet.of(Role.INITIAL_REVIEWER);
            case PASS_INITIAL_REVIEW -> EnumSet.of(Role.SECOND_REVIEWER);
            case PASS_SECOND_REVIEW -> EnumSet.of(Role.ISSUER);
            default -> Set.of();
        };
        if (!next.isEmpty()) {
            String stage = switch (event.transition()) {
                case SUBMIT -> "INITIAL_REVIEW";
                case WITHDRAW -> "WITHDRAWAL";
                case PASS_INITIAL_REVIEW -> "SECOND_REVIEW";
                default -> "ISSUE";
            };
            write(audience.officers(event.authorityCode(), next), event.actor(), NoticeKind.WORK_NEW,
                    RecordType.APPLICATION, event.applicationId(), event.label(), List.of(stage), null);
        }
        NoticeKind kind = switch (event.transition()) {
            case PASS_INITIAL_REVIEW -> NoticeKind.APPLICATION_PASSED;
            case PASS_SECOND_REVIEW -> NoticeKind.APPLICATION_APPROVED;
            case RETURN -> NoticeKind.APPLICATION_RETURNED;
            case REJECT -> NoticeKind.APPLICATION_REJECTED;
            case ISSUE -> NoticeKind.APPLICATION_ISSUED;
            case AGREE_WITHDRAWAL, REFUSE_WITHDRAWAL -> NoticeKind.WITHDRAWAL_DECIDED;
            default -> null;
        };
        if (kind != null) {
            List<String> arguments = kind == NoticeKind.WITHDRAWAL_DECIDED
                    ? List.of(event.transition().name(), text(event.opinion())) : List.of(text(event.opinion()));
            write(audience.enterprise(event.enterpriseId(), event.createdBy(), event.department()), event.actor(),
                    kind, RecordType.APPLICATION, event.applicationId(), event.label(), arguments, null);
        }
    }

    void closure(@Observes ClosureEvent event) {
        if (event.state() == ClosureState.PENDING) {
            write(audience.officers(event.authorityCode(), EnumSet.of(Role.ISSUER)), event.actor(),
                    NoticeKind.WORK_NEW, RecordType.CLOSURE, event.requestId(), event.licenceNumber(),
                    List.of(event.closureKind().name()), null);
        } else if (event.state() == ClosureState.APPROVED || event.state() == ClosureState.RETURNED) {
            write(audience.enterprise(event.enterpriseId(), event.createdBy(), event.department()), event.actor(),
                    NoticeKind.CLOSURE_DECIDED, RecordType.CLOSURE, event.requestId(), event.licenceNumber(),
                    List.of(event.state().name(), event.closureKind().name(), text(event.opinion())), null);
        }
    }

    void ekeyRequest(@Observes EkeyRequestEvent event) {
        switch (event.transition()) {
            case SUBMIT -> {
                Enterprise enterprise = em.find(Enterprise.class, event.enterpriseId());
                write(audience.officers(enterprise.getAuthorityCode(), EnumSet.of(Role.AUTHORITY_ADMIN)),
                        event.actor(), NoticeKind.WORK_NEW, RecordType.EKEY_REQUEST, event.requestId(),
                        event.number(), List.of("EKEY_PRECHECK"), null);
            }
            case PASS_PRECHECK, FAIL_PRECHECK, PASS_PROVIDER_CHECK, FAIL_PROVIDER_CHECK -> {
                write(audience.enterpriseAdministrators(event.enterpriseId(), event.username()), event.actor(),
                        NoticeKind.EKEY_DECIDED, RecordType.EKEY_REQUEST, event.requestId(), event.number(),
                        List.of(event.transition().name(), text(event.opinion())), null);
                if (event.transition() == EkeyTransition.PASS_PRECHECK) {
                    write(audience.providers(), event.actor(), NoticeKind.WORK_NEW, RecordType.EKEY_REQUEST,
                            event.requestId(), event.number(), List.of("EKEY_PROVIDER_CHECK"), null);
                }
            }
            default -> {
                // the applicant's own steps (withdrawal) and the nightly expiry tell nobody
            }
        }
    }

    void customs(@Observes CustomsEvent event) {
        // the holder's scope only, not the licence with its sealed content
        List<Object[]> found = em.createQuery("select l.enterpriseId, l.applicant, l.department from Licence l"
                + " where l.id = :id", Object[].class).setParameter("id", event.licenceId()).getResultList();
        if (found.isEmpty()) {
            return;
        }
        Object[] holder = found.get(0);
        NoticeKind kind = switch (event.kind()) {
            case ACCEPTED -> NoticeKind.CUSTOMS_ACCEPTED;
            case REFUSED -> NoticeKind.CUSTOMS_REFUSED;
            case USAGE_RECORDED -> NoticeKind.USAGE_RECORDED;
        };
        write(audience.enterprise((Long) holder[0], (String) holder[1], (String) holder[2]), null, kind,
                RecordType.LICENCE, event.licenceId(), event.licenceNumber(), List.of(text(event.detail())), null);
    }

    /**
     * Writes one notice per recipient (the actor excluded, each account once; with {@code onceKey},
     * none for a recipient who had it already) and queues its e-mail and SMS; returns how many.
     */
    int write(Collection<Account> recipients, String actor, NoticeKind kind, RecordType type, long recordId,
            String label, List<String> arguments, String onceKey) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        Set<Long> seen = new HashSet<>();
        Set<String> usernames = new LinkedHashSet<>();
        boolean deliveries = false;
        List<Account> targets = new ArrayList<>();
        for (Account account : recipients) {
            if (!account.getUsername().equals(actor) && seen.add(account.getId())) {
                targets.add(account);
            }
        }
        if (targets.isEmpty()) {
            return 0;
        }
        // most users gave no address: then nobody can be subscribed and the query is spared
        boolean reachable = targets.stream().anyMatch(a -> a.getEmail() != null || a.getMobile() != null);
        Set<String> subscribed = reachable ? subscriptions(targets, kind) : Set.of();
        for (Account account : targets) {
            if (onceKey != null && had(account, onceKey)) {
                continue;
            }
            Notice notice = new Notice(account.getId(), kind, type, recordId, label, arguments, now);
            if (onceKey != null) {
                notice.once(onceKey);
            }
            em.persist(notice);
            usernames.add(account.getUsername());
            boolean byEmail = account.getEmail() != null && subscribed.contains(account.getId() + ":" + Channel.EMAIL);
            boolean bySms = account.getMobile() != null && SmsGateway.enabled()
                    && subscribed.contains(account.getId() + ":" + Channel.SMS);
            if (!byEmail && !bySms) {
                continue;
            }
            // the outbox rows name their notice: its id first
            em.flush();
            String text = NoticeTexts.text(NoticeTexts.CHINESE, notice);
            if (byEmail) {
                em.persist(new Delivery(notice.getId(), Channel.EMAIL, account.getEmail(), mailSubject(text),
                        mailBody(account, notice, text), now));
                deliveries = true;
            }
            if (bySms) {
                em.persist(new Delivery(notice.getId(), Channel.SMS, account.getMobile(),
                        NoticeTexts.label(NoticeTexts.CHINESE, "sms.sign"), text, now));
                deliveries = true;
            }
        }
        if (!usernames.isEmpty()) {
            written.fire(new NoticesWritten(usernames, deliveries));
        }
        return usernames.size();
    }

    private boolean had(Account account, String onceKey) {
        return !em.createQuery("select n.id from Notice n where n.accountId = :a and n.onceKey = :k", Long.class)
                .setParameter("a", account.getId()).setParameter("k", onceKey).setMaxResults(1).getResultList()
                .isEmpty();
    }

    /** "accountId:CHANNEL" of the targets subscribed to {@code kind}. */
    private Set<String> subscriptions(List<Account> targets, NoticeKind kind) {
        Set<String> subscribed = new HashSet<>();
        // in lists of at most 500 (Oracle takes 1,000): an authority's officers are one or two
        for (int from = 0; from < targets.size(); from += 500) {
            List<Account> some = targets.subList(from, Math.min(targets.size(), from + 500));
            Query query = em.createNativeQuery("select account_id, channel from notification_subscription where kind = ?"
                    + " and account_id in (" + String.join(", ", Collections.nCopies(some.size(), "?")) + ")");
            query.setParameter(1, kind.name());
            for (int i = 0; i < some.size(); i++) {
                query.setParameter(i + 2, some.get(i).getId());
            }
            for (Object row : query.getResultList()) {
                Object[] r = (Object[]) row;
                subscribed.add(((Number) r[0]).longValue() + ":" + r[1]);
            }
        }
        return subscribed;
    }

    private static String mailSubject(String text) {
        return NoticeTexts.label(NoticeTexts.CHINESE, "mail.subjectPrefix") + text;
    }

    private static String mailBody(Account account, Notice notice, String text) {
        Locale zh = NoticeTexts.CHINESE;
        String portal = notice.getKind().side() == NoticeKind.Side.OFFICER ? "officer" : "enterprise";
        String base = System.getProperty("xuke.publicBaseUrl", "").strip().replaceAll("/+$", "");
        String link = base + notice.getRecordType().page(portal, notice.getRecordId(), notice.getRecordLabel());
        return new MessageFormat(NoticeTexts.label(zh, "mail.body"), zh)
                .format(new Object[] {account.getDisplayName(), text, link, base + "/" + portal + "/notifications.xhtml"});
    }

    private static String text(String text) {
        return text == null ? "" : text;
    }
}
