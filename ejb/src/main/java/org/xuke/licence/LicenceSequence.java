package org.xuke.licence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** The last licence number given out by one authority code in one year. */
@Entity
@Table(name = "licence_sequence")
public class LicenceSequence implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Authority code and year. */
    @Embeddable
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        @Column(name = "licence_code", length = 4)
        private String code;

        @Column(name = "licence_year")
        private int year;

        protected Key() {
            // for JPA
        }

        public Key(String code, int year) {
            this.code = code;
            this.year = year;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && year == that.year && Objects.equals(code, that.code);
        }

        @Override
        public int hashCode() {
            return Objects.hash(code, year);
        }
    }

    @EmbeddedId
    private Key key;

    @Column(name = "last_value", nullable = false)
    private int lastValue;

    protected LicenceSequence() {
        // for JPA
    }

    LicenceSequence(String code, int year) {
        this.key = new Key(code, year);
    }

    /** The next number; the caller holds the row lock. */
    LicenceNumber next() {
        LicenceNumber number = LicenceNumber.of(key.year, key.code, lastValue + 1L);
        lastValue++;
        return number;
    }
}
