package org.xuke.catalog;

import jakarta.persistence.Embedded;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.SequenceGenerator;
import java.io.Serializable;

/**
 * A row of an official code table. Read-only at run time: rows are created only by a catalogue
 * import. Equality is by business key, which each table defines.
 */
@MappedSuperclass
public abstract class CatalogEntry implements Serializable {

    @Id
    @SequenceGenerator(name = "catalog_seq", sequenceName = "catalog_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "catalog_seq")
    private Long id;

    @Embedded
    private Provenance provenance;

    protected CatalogEntry() {
        // for JPA
    }

    protected CatalogEntry(Provenance provenance) {
        this.provenance = provenance;
    }

    public Long getId() {
        return id;
    }

    public Provenance getProvenance() {
        return provenance;
    }

    /** The business key: unique within its table (and year, for yearly tables). */
    public abstract String businessKey();

    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass()
                && businessKey().equals(((CatalogEntry) other).businessKey());
    }

    @Override
    public int hashCode() {
        return businessKey().hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + businessKey() + "]";
    }
}
