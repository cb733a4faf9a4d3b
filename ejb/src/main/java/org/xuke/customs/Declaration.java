package org.xuke.customs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;
import org.xuke.customs.CustomsMessage.DeclarationState;

/** A customs declaration (报关单) made against a licence: released (核注), later cleared (核销). */
@Entity
@Table(name = "customs_declaration")
@IdClass(Declaration.Key.class)
public class Declaration implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @Column(name = "declaration_number", length = 18)
    private String declarationNumber;

    @Id
    @Column(name = "licence_id")
    private long licenceId;

    @Column(name = "port_code", nullable = false, length = 4)
    private String portCode;

    @Column(name = "declaration_date", nullable = false)
    private LocalDate declarationDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 8)
    private DeclarationState state;

    @Column(name = "updated_at_utc", nullable = false)
    private LocalDateTime updatedAtUtc;

    /** Who declared (the USCC customs names; null where its message did not say). */
    @Column(name = "declarant_uscc", length = 18)
    private String declarantUscc;

    protected Declaration() {
        // for JPA
    }

    Declaration(String declarationNumber, long licenceId, String portCode, LocalDate date, DeclarationState state,
            LocalDateTime atUtc) {
        this.declarationNumber = declarationNumber;
        this.licenceId = licenceId;
        this.portCode = portCode;
        this.declarationDate = date;
        this.state = state;
        this.updatedAtUtc = atUtc;
    }

    /** The declarant as a report names it (a report that does not name one keeps the one known). */
    Declaration declaredBy(String uscc) {
        if (uscc != null) {
            this.declarantUscc = uscc;
        }
        return this;
    }

    /** Clearance follows release; a late release report does not undo a clearance. */
    void reported(DeclarationState reported, LocalDateTime atUtc) {
        if (reported == DeclarationState.CLEARED && state != DeclarationState.CLEARED) {
            state = DeclarationState.CLEARED;
            updatedAtUtc = atUtc;
        }
    }

    public String getDeclarationNumber() {
        return declarationNumber;
    }

    public long getLicenceId() {
        return licenceId;
    }

    public String getPortCode() {
        return portCode;
    }

    public String getDeclarantUscc() {
        return declarantUscc;
    }

    public LocalDate getDeclarationDate() {
        return declarationDate;
    }

    public DeclarationState getState() {
        return state;
    }

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String declarationNumber;
        private long licenceId;

        public Key() {
        }

        public Key(String declarationNumber, long licenceId) {
            this.declarationNumber = declarationNumber;
            this.licenceId = licenceId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.licenceId == licenceId && Objects.equals(k.declarationNumber,
                    declarationNumber);
        }

        @Override
        public int hashCode() {
            return Objects.hash(declarationNumber, licenceId);
        }
    }
}
