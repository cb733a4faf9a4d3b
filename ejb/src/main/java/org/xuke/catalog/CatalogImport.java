package org.xuke.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDateTime;

/** Record of one catalogue import: who replaced which data, from which file, when. */
@Entity
@Table(name = "cat_import")
public class CatalogImport implements Serializable {

    @Id
    @SequenceGenerator(name = "catalog_import_seq", sequenceName = "catalog_import_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "catalog_import_seq")
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 40)
    private CatalogKind kind;

    @Column(name = "catalog_year")
    private Integer catalogYear;

    @Column(name = "file_name", nullable = false, length = 400)
    private String fileName;

    @Column(name = "row_count", nullable = false)
    private int rowCount;

    @Column(name = "imported_by", nullable = false, length = 100)
    private String importedBy;

    @Column(name = "imported_at", nullable = false)
    private LocalDateTime importedAt;

    protected CatalogImport() {
        // for JPA
    }

    public CatalogImport(CatalogKind kind, Integer catalogYear, String fileName, int rowCount, String importedBy,
            LocalDateTime importedAt) {
        this.kind = kind;
        this.catalogYear = catalogYear;
        this.fileName = fileName.length() > 400 ? fileName.substring(0, 400) : fileName;
        this.rowCount = rowCount;
        this.importedBy = importedBy;
        this.importedAt = importedAt;
    }

    public Long getId() {
        return id;
    }

    public CatalogKind getKind() {
        return kind;
    }

    public Integer getCatalogYear() {
        return catalogYear;
    }

    public String getFileName() {
        return fileName;
    }

    public int getRowCount() {
        return rowCount;
    }

    public String getImportedBy() {
        return importedBy;
    }

    public LocalDateTime getImportedAt() {
        return importedAt;
    }
}
