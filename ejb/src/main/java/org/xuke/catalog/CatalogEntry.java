package org.xuke.catalog;

import jakarta.persistence.Column;
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

    /** The official code (for countries and currencies the customs code). */
    @Column(name = "code", length = 10)
    private String code;

    @Column(name = "name_zh", nullable = false, length = 200)
    private String nameZh;

    @Column(name = "name_en", length = 200)
    private String nameEn;

    @Embedded
    private Provenance provenance;

    protected CatalogEntry() {
        // for JPA
    }

    /** Subclasses check the code's format before passing it (see {@link Guards}). */
    protected CatalogEntry(String code, String nameZh, String nameEn, Provenance provenance) {
        this.code = code;
        this.nameZh = Guards.required(nameZh, "name_zh", 200);
        this.nameEn = Guards.optional(nameEn, "name_en", 200);
        this.provenance = provenance;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getNameZh() {
        return nameZh;
    }

    public String getNameEn() {
        return nameEn;
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
