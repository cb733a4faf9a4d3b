package org.xuke.licence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * One paper copy of a licence printed by an officer at the enterprise's request. Copies are
 * numbered per licence from 1; any copy after the first is a reprint and says so on the paper.
 */
@Entity
@Table(name = "licence_print")
public class LicencePrint implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @SequenceGenerator(name = "licence_print_seq", sequenceName = "licence_print_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "licence_print_seq")
    private Long id;

    @Column(name = "licence_id", nullable = false, updatable = false)
    private long licenceId;

    @Column(name = "copy_number", nullable = false, updatable = false)
    private int copyNumber;

    @Column(name = "reprint", nullable = false, updatable = false)
    private boolean reprint;

    @Column(name = "printed_by", nullable = false, updatable = false, length = 32)
    private String printedBy;

    @Column(name = "printed_at_utc", nullable = false, updatable = false)
    private LocalDateTime printedAtUtc;

    protected LicencePrint() {
        // for JPA
    }

    /** The copy after {@code copiesBefore} earlier ones. */
    public LicencePrint(long licenceId, int copiesBefore, String printedBy, Instant at) {
        this.licenceId = licenceId;
        this.copyNumber = copiesBefore + 1;
        this.reprint = copiesBefore > 0;
        this.printedBy = printedBy;
        this.printedAtUtc = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    public Long getId() {
        return id;
    }

    public long getLicenceId() {
        return licenceId;
    }

    public int getCopyNumber() {
        return copyNumber;
    }

    public boolean isReprint() {
        return reprint;
    }

    public String getPrintedBy() {
        return printedBy;
    }

    public LocalDateTime getPrintedAtUtc() {
        return printedAtUtc;
    }
}
