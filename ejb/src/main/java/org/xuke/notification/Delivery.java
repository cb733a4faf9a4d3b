package org.xuke.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Duration;
import java.time.LocalDateTime;
import org.xuke.notification.NoticeKind.Channel;

/**
 * The outbox row of one e-mail or SMS: written with its notice (so a decision rolled back sends
 * nothing), claimed by one sender at a time, marked sent once the server took it, tried again
 * later with a growing pause while the server is away.
 */
@Entity
@Table(name = "notification_delivery")
public class Delivery implements Serializable {

    private static final long serialVersionUID = 1L;
    static final Duration FIRST_PAUSE = Duration.ofSeconds(5);
    static final Duration LONGEST_PAUSE = Duration.ofMinutes(30);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "notification_id", nullable = false, updatable = false)
    private long notificationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false, updatable = false, length = 10)
    private Channel channel;

    @Column(name = "address", nullable = false, updatable = false, length = 254)
    private String address;

    @Column(name = "subject", nullable = false, updatable = false, length = 200)
    private String subject;

    @Column(name = "body", nullable = false, updatable = false, length = 4000)
    private String body;

    @Column(name = "created_at_utc", nullable = false, updatable = false)
    private LocalDateTime createdAtUtc;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "next_attempt_utc", nullable = false)
    private LocalDateTime nextAttemptUtc;

    @Column(name = "sent_at_utc")
    private LocalDateTime sentAtUtc;

    @Column(name = "last_error", length = 500)
    private String lastError;

    protected Delivery() {
    }

    Delivery(long notificationId, Channel channel, String address, String subject, String body, LocalDateTime now) {
        this.notificationId = notificationId;
        this.channel = channel;
        this.address = address;
        this.subject = subject.length() <= 200 ? subject : subject.substring(0, 199) + "…";
        this.body = body.length() <= 4000 ? body : body.substring(0, 3999) + "…";
        this.createdAtUtc = now;
        this.nextAttemptUtc = now;
    }

    /**
     * Taken by a sender: the next attempt is pushed past the time a send may take, so a sender on
     * another thread or server does not take it too; a sender that dies leaves it to be tried then.
     */
    void claim(LocalDateTime now, Duration lease) {
        attempts++;
        nextAttemptUtc = now.plus(lease);
    }

    void sent(LocalDateTime now) {
        sentAtUtc = now;
        lastError = null;
    }

    /** Not taken by the server: tried again after 5 s, 10 s, 20 s … at most 30 min. */
    void failed(LocalDateTime now, String error) {
        lastError = error == null ? "?" : error.length() <= 500 ? error : error.substring(0, 499);
        nextAttemptUtc = now.plus(pause(attempts));
    }

    static Duration pause(int attempts) {
        long seconds = FIRST_PAUSE.getSeconds() << Math.min(Math.max(attempts - 1, 0), 20);
        return seconds > LONGEST_PAUSE.getSeconds() ? LONGEST_PAUSE : Duration.ofSeconds(seconds);
    }

    public Long getId() {
        return id;
    }

    public long getNotificationId() {
        return notificationId;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getAddress() {
        return address;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public int getAttempts() {
        return attempts;
    }

    public LocalDateTime getSentAtUtc() {
        return sentAtUtc;
    }

    public String getLastError() {
        return lastError;
    }
}
