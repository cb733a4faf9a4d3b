package org.xuke.customs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/** What one declaration used of one licence line. */
@Entity
@Table(name = "customs_declaration_line")
@IdClass(DeclarationLine.Key.class)
public class DeclarationLine implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @Column(name = "declaration_number", length = 18)
    private String declarationNumber;

    @Id
    @Column(name = "licence_id")
    private long licenceId;

    @Id
    @Column(name = "line_number")
    private int lineNumber;

    @Column(name = "quantity", nullable = false, precision = 18, scale = 5)
    private BigDecimal quantity;

    protected DeclarationLine() {
        // for JPA
    }

    DeclarationLine(String declarationNumber, long licenceId, int lineNumber, BigDecimal quantity) {
        this.declarationNumber = declarationNumber;
        this.licenceId = licenceId;
        this.lineNumber = lineNumber;
        this.quantity = quantity;
    }

    public String getDeclarationNumber() {
        return declarationNumber;
    }

    public long getLicenceId() {
        return licenceId;
    }

    public int getLineNumber() {
        return lineNumber;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String declarationNumber;
        private long licenceId;
        private int lineNumber;

        public Key() {
        }

        public Key(String declarationNumber, long licenceId, int lineNumber) {
            this.declarationNumber = declarationNumber;
            this.licenceId = licenceId;
            this.lineNumber = lineNumber;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.licenceId == licenceId && k.lineNumber == lineNumber
                    && Objects.equals(k.declarationNumber, declarationNumber);
        }

        @Override
        public int hashCode() {
            return Objects.hash(declarationNumber, licenceId, lineNumber);
        }
    }
}
