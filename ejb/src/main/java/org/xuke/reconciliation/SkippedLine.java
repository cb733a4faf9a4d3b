package org.xuke.reconciliation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDateTime;

/** A line of a declarations file the job skipped, with the reason (a code the page names) and the line as read. */
@Entity
@Table(name = "reconciliation_skipped_line")
public class SkippedLine implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "execution_id", nullable = false)
    private long executionId;

    @Column(name = "file_name", nullable = false, length = 255)
    private String fileName;

    @Column(name = "line_number", nullable = false)
    private int lineNumber;

    @Column(name = "reason", nullable = false, length = 500)
    private String reason;

    @Column(name = "content", nullable = false, length = 1000)
    private String content;

    @Column(name = "recorded_at_utc", nullable = false)
    private LocalDateTime recordedAtUtc;

    protected SkippedLine() {
        // for JPA
    }

    SkippedLine(long executionId, String fileName, int lineNumber, String reason, String content,
            LocalDateTime recordedAtUtc) {
        this.executionId = executionId;
        this.fileName = cut(fileName, 255);
        this.lineNumber = lineNumber;
        this.reason = cut(reason, 500);
        this.content = cut(content, 1000);
        this.recordedAtUtc = recordedAtUtc;
    }

    private static String cut(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }

    public Long getId() {
        return id;
    }

    public long getExecutionId() {
        return executionId;
    }

    public String getFileName() {
        return fileName;
    }

    public int getLineNumber() {
        return lineNumber;
    }

    /** {@code code} or {@code code:detail}; the code names the rule broken (reconciliation.skip.* in the bundle). */
    public String getReason() {
        return reason;
    }

    public String getContent() {
        return content;
    }

    public LocalDateTime getRecordedAtUtc() {
        return recordedAtUtc;
    }
}
