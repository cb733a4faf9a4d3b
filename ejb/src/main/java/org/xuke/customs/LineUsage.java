package org.xuke.customs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * What customs says is used of one licence line: its own cumulative figure, the highest reported
 * (a report of an earlier declaration arriving late never lowers it; a repeat changes nothing).
 */
@Entity
@Table(name = "customs_line_usage")
@IdClass(LineUsage.Key.class)
public class LineUsage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @Column(name = "licence_id")
    private long licenceId;

    @Id
    @Column(name = "line_number")
    private int lineNumber;

    @Column(name = "cumulative_quantity", nullable = false, precision = 18, scale = 5)
    private BigDecimal cumulativeQuantity;

    @Column(name = "updated_at_utc", nullable = false)
    private LocalDateTime updatedAtUtc;

    protected LineUsage() {
        // for JPA
    }

    LineUsage(long licenceId, int lineNumber, BigDecimal cumulative, LocalDateTime atUtc) {
        this.licenceId = licenceId;
        this.lineNumber = lineNumber;
        this.cumulativeQuantity = cumulative;
        this.updatedAtUtc = atUtc;
    }

    void reported(BigDecimal cumulative, LocalDateTime atUtc) {
        if (cumulative.compareTo(cumulativeQuantity) > 0) {
            cumulativeQuantity = cumulative;
            updatedAtUtc = atUtc;
        }
    }

    public long getLicenceId() {
        return licenceId;
    }

    public int getLineNumber() {
        return lineNumber;
    }

    public BigDecimal getCumulativeQuantity() {
        return cumulativeQuantity;
    }

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private long licenceId;
        private int lineNumber;

        public Key() {
        }

        public Key(long licenceId, int lineNumber) {
            this.licenceId = licenceId;
            this.lineNumber = lineNumber;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.licenceId == licenceId && k.lineNumber == lineNumber;
        }

        @Override
        public int hashCode() {
            return Objects.hash(licenceId, lineNumber);
        }
    }
}
