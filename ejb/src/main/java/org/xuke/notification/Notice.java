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
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * One notice to one user about one record: what happened (its kind and arguments), the record it
 * links to, when, and whether he has read it. Written in the transaction of the decision.
 */
@Entity
@Table(name = "notification")
public class Notice implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Arguments of the text are kept in one column, separated by a character no argument holds. */
    private static final String SEPARATOR = "\t";
    private static final int DETAIL_MAX = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false, length = 40)
    private NoticeKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "record_type", nullable = false, updatable = false, length = 30)
    private RecordType recordType;

    @Column(name = "record_id", nullable = false, updatable = false)
    private long recordId;

    @Column(name = "record_label", nullable = false, updatable = false, length = 60)
    private String recordLabel;

    @Column(name = "detail", updatable = false, length = DETAIL_MAX)
    private String detail;

    @Column(name = "once_key", updatable = false, length = 120)
    private String onceKey;

    @Column(name = "created_at_utc", nullable = false, updatable = false)
    private LocalDateTime createdAtUtc;

    @Column(name = "read_at_utc")
    private LocalDateTime readAtUtc;

    protected Notice() {
    }

    Notice(long accountId, NoticeKind kind, RecordType recordType, long recordId, String recordLabel,
            List<String> arguments, LocalDateTime createdAtUtc) {
        this.accountId = accountId;
        this.kind = kind;
        this.recordType = recordType;
        this.recordId = recordId;
        this.recordLabel = recordLabel;
        this.detail = join(arguments);
        this.createdAtUtc = createdAtUtc;
    }

    private static String join(List<String> arguments) {
        if (arguments == null || arguments.isEmpty()) {
            return null;
        }
        String joined = String.join(SEPARATOR, arguments.stream()
                .map(a -> a == null ? "" : a.replace(SEPARATOR, " ").replace('\n', ' ').replace('\r', ' ')).toList());
        return joined.length() <= DETAIL_MAX ? joined : joined.substring(0, DETAIL_MAX - 1) + "…";
    }

    /** The arguments of its text after the record's label: an opinion, customs' reason, a stage. */
    public List<String> arguments() {
        return detail == null ? List.of() : Arrays.asList(detail.split(SEPARATOR, -1));
    }

    void once(String key) {
        this.onceKey = key;
    }

    void markRead(LocalDateTime now) {
        if (readAtUtc == null) {
            readAtUtc = now;
        }
    }

    public boolean isRead() {
        return readAtUtc != null;
    }

    public Long getId() {
        return id;
    }

    public long getAccountId() {
        return accountId;
    }

    public NoticeKind getKind() {
        return kind;
    }

    public RecordType getRecordType() {
        return recordType;
    }

    public long getRecordId() {
        return recordId;
    }

    public String getRecordLabel() {
        return recordLabel;
    }

    public LocalDateTime getCreatedAtUtc() {
        return createdAtUtc;
    }

    public LocalDateTime getReadAtUtc() {
        return readAtUtc;
    }
}
