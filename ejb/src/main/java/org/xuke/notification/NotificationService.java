package org.xuke.notification;

import java.util.Locale;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.xuke.account.Account;
import org.xuke.account.Callers;
import org.xuke.audit.AuditEntry;
import org.xuke.audit.AuditLog;
import org.xuke.notification.NoticeKind.Channel;
import org.xuke.notification.NoticeWriter.NoticesWritten;
import org.xuke.platform.DomainRuleException;
import org.xuke.platform.LikePattern;
import org.xuke.platform.OutOfScopeException;
import org.xuke.platform.Page;

/**
 * 消息中心: the signed-in user's own notices (nobody reads another's), his unread count, marking
 * read, and 消息设置 (his e-mail address and mobile number, the kinds he wants by e-mail or SMS).
 */
@Stateless
public class NotificationService {

    public static final Set<String> SORTABLE = Set.of("createdAtUtc", "kind", "recordLabel");

    @PersistenceContext(unitName = "xuke")
    private EntityManager em;

    @Inject
    private Callers callers;

    @Inject
    private AuditLog audit;

    @Inject
    private Clock clock;

    @Inject
    private Event<NoticesWritten> changed;

    @Inject
    private NoticeBell bell;

    /** What the list asks: only unread, one kind, part of the record's number; null means all. */
    public record Filter(Boolean unread, NoticeKind kind, String search) implements Serializable {
    }

    /** The user's settings: where to send, and "KIND:CHANNEL" for each subscription. */
    public record Settings(String email, String mobile, List<NoticeKind> kinds, Set<String> subscriptions,
            boolean smsAvailable) implements Serializable {
    }

    public Page<Notice> pageForCaller(Filter filter, int first, int max, String sort, boolean ascending) {
        Account caller = callers.require();
        boolean sorted = sort != null && SORTABLE.contains(sort);
        String order = sorted ? sort : "createdAtUtc";
        // unsorted: newest first
        ascending = sorted && ascending;
        String where = where(filter);
        TypedQuery<Notice> rows = em.createQuery("select n from Notice n where n.accountId = :a" + where
                + " order by n." + order + (ascending ? " asc" : " desc") + ", n.id desc", Notice.class);
        TypedQuery<Long> count = em.createQuery("select count(n) from Notice n where n.accountId = :a" + where,
                Long.class);
        bind(rows, caller, filter);
        bind(count, caller, filter);
        return new Page<>(rows.setFirstResult(Math.max(first, 0)).setMaxResults(Math.min(Math.max(max, 1), 200))
                .getResultList(), count.getSingleResult());
    }

    private static String where(Filter filter) {
        StringBuilder where = new StringBuilder();
        if (filter != null && Boolean.TRUE.equals(filter.unread())) {
            where.append(" and n.readAtUtc is null");
        } else if (filter != null && Boolean.FALSE.equals(filter.unread())) {
            where.append(" and n.readAtUtc is not null");
        }
        if (filter != null && filter.kind() != null) {
            where.append(" and n.kind = :k");
        }
        if (filter != null && filter.search() != null && !filter.search().isBlank()) {
            where.append(" and upper(n.recordLabel) like :s escape '\\'");
        }
        return where.toString();
    }

    private static void bind(TypedQuery<?> query, Account caller, Filter filter) {
        query.setParameter("a", caller.getId());
        if (filter != null && filter.kind() != null) {
            query.setParameter("k", filter.kind());
        }
        if (filter != null && filter.search() != null && !filter.search().isBlank()) {
            // a record's number is at most 21 characters: a longer search is cut before it is used
            String search = filter.search().strip();
            query.setParameter("s", LikePattern.containing((search.length() > 30 ? search.substring(0, 30) : search)
                    .toUpperCase(Locale.ROOT)));
        }
    }

    /** The header's figure; 0 for a caller without an account (the public pages). */
    public long unreadCountForCaller() {
        return callers.current().map(a -> em.createQuery("select count(n) from Notice n where n.accountId = :a"
                + " and n.readAtUtc is null", Long.class).setParameter("a", a.getId()).getSingleResult()).orElse(0L);
    }

    /** Marks one of the caller's notices read; another's is "not found" (audited). Returns it. */
    public Notice markRead(long id) {
        Account caller = callers.require();
        Notice notice = em.find(Notice.class, id);
        if (notice == null || notice.getAccountId() != caller.getId()) {
            if (notice != null) {
                audit.record(AuditEntry.of(caller.getUsername(), "ACCESS_DENIED", "notification", String.valueOf(id)));
            }
            throw new OutOfScopeException("notice.notFound", String.valueOf(id));
        }
        if (!notice.isRead()) {
            notice.markRead(now());
            changed.fire(new NoticesWritten(Set.of(caller.getUsername()), false));
        }
        return notice;
    }

    /** Marks all the caller's notices read; how many were unread. */
    public int markAllRead() {
        Account caller = callers.require();
        int marked = em.createQuery("update Notice n set n.readAtUtc = :now where n.accountId = :a"
                + " and n.readAtUtc is null").setParameter("now", now()).setParameter("a", caller.getId())
                .executeUpdate();
        if (marked > 0) {
            changed.fire(new NoticesWritten(Set.of(caller.getUsername()), false));
        }
        return marked;
    }

    /** The kinds of notice of the caller's side (enterprise or officer), for the message centre's filter. */
    public List<NoticeKind> kindsForCaller() {
        return NoticeKind.of(side(callers.require()));
    }

    public Settings settingsForCaller() {
        Account caller = callers.require();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select kind, channel from notification_subscription"
                + " where account_id = ?").setParameter(1, caller.getId()).getResultList();
        Set<String> subscribed = new TreeSet<>();
        rows.forEach(r -> subscribed.add(r[0] + ":" + r[1]));
        return new Settings(caller.getEmail(), caller.getMobile(), NoticeKind.of(side(caller)), subscribed,
                SmsGateway.enabled());
    }

    /**
     * Saves where the caller's notices go and what he subscribed to ("KIND:CHANNEL" of his side's
     * kinds); a subscription by e-mail needs an address, by SMS a mobile number and SMS on this server.
     */
    public Settings saveSettings(String email, String mobile, Set<String> subscriptions) {
        Account caller = callers.require();
        Account account = em.find(Account.class, caller.getId());
        account.contactBy(email, mobile);
        Set<String> wanted = new LinkedHashSet<>();
        for (String subscription : subscriptions) {
            String[] parts = subscription.split(":");
            NoticeKind kind;
            Channel channel;
            try {
                kind = NoticeKind.valueOf(parts[0]);
                channel = Channel.valueOf(parts[1]);
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw new DomainRuleException("notice.unknownSubscription", subscription);
            }
            if (kind.side() != side(account)) {
                throw new DomainRuleException("notice.unknownSubscription", subscription);
            }
            if (channel == Channel.EMAIL && account.getEmail() == null) {
                throw new DomainRuleException("notice.emailNeeded");
            }
            if (channel == Channel.SMS && (account.getMobile() == null || !SmsGateway.enabled())) {
                throw new DomainRuleException(SmsGateway.enabled() ? "notice.mobileNeeded" : "notice.smsOff");
            }
            wanted.add(kind + ":" + channel);
        }
        em.createNativeQuery("delete from notification_subscription where account_id = ?")
                .setParameter(1, account.getId()).executeUpdate();
        for (String subscription : wanted) {
            String[] parts = subscription.split(":");
            em.createNativeQuery("insert into notification_subscription (account_id, kind, channel) values (?, ?, ?)")
                    .setParameter(1, account.getId()).setParameter(2, parts[0]).setParameter(3, parts[1])
                    .executeUpdate();
        }
        audit.record(AuditEntry.of(caller.getUsername(), "NOTIFICATION_SETTINGS", "account", caller.getUsername())
                .withDetails("email=" + (account.getEmail() != null) + ";mobile=" + (account.getMobile() != null)
                        + ";subscriptions=" + String.join(",", wanted)));
        return new Settings(account.getEmail(), account.getMobile(), NoticeKind.of(side(account)), new TreeSet<>(wanted),
                SmsGateway.enabled());
    }

    /**
     * Set up at deployment (the demo data, a bureau's migration of its users' addresses): {@code
     * username}'s e-mail address and every kind of his side by e-mail. Audited as {@code actor}.
     */
    public void subscribeAtDeployment(String actor, String username, String email) {
        Account account = em.createQuery("select a from Account a where a.username = :u", Account.class)
                .setParameter("u", username).getSingleResult();
        account.contactBy(email, account.getMobile());
        em.createNativeQuery("delete from notification_subscription where account_id = ? and channel = 'EMAIL'")
                .setParameter(1, account.getId()).executeUpdate();
        for (NoticeKind kind : NoticeKind.of(side(account))) {
            em.createNativeQuery("insert into notification_subscription (account_id, kind, channel) values (?, ?, 'EMAIL')")
                    .setParameter(1, account.getId()).setParameter(2, kind.name()).executeUpdate();
        }
        audit.record(AuditEntry.of(actor, "NOTIFICATION_SETTINGS", "account", username)
                .withDetails("email=true;subscriptions=all by e-mail"));
    }

    /**
     * The portal's live push registers here: {@code listener} hears the usernames whose notices
     * changed, once their transaction committed, on this server.
     */
    public void listen(Consumer<Set<String>> listener) {
        bell.listen(listener);
    }

    public void stopListening(Consumer<Set<String>> listener) {
        bell.stopListening(listener);
    }

    static NoticeKind.Side side(Account account) {
        return account.getEnterpriseId() != null ? NoticeKind.Side.ENTERPRISE : NoticeKind.Side.OFFICER;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }
}
