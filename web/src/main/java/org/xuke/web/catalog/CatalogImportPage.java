package org.xuke.web.catalog;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.io.Serializable;
import java.time.Year;
import java.util.List;
import org.primefaces.model.file.UploadedFile;
import org.xuke.catalog.CatalogImport;
import org.xuke.catalog.CatalogKind;
import org.xuke.catalog.CatalogService;
import org.xuke.catalog.ImportReport;
import org.xuke.catalog.RowError;
import org.xuke.web.Texts;

/**
 * Officer action: replace a catalogue (or one year of a yearly one) from a CSV file. The file
 * is checked row by row first; a report lists every bad line, and nothing is stored unless all
 * lines are good.
 */
@Named
@ViewScoped
public class CatalogImportPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CatalogService catalogs;

    private CatalogKind kind = CatalogKind.COMMODITY;
    @Inject
    private Clock clock;

    private Integer year;

    /** Defaults from the application's clock (China time), once injected. */
    @PostConstruct
    void defaults() {
        year = Year.now(clock).getValue() + 1;
    }
    private transient UploadedFile file;
    private ImportReport report;
    private List<CatalogImport> recent;

    public void load() {
        recent = catalogs.recentImports(20);
    }

    public void upload() {
        if (file == null || file.getSize() == 0) {
            Texts.error("import:file", "import.noFile");
            return;
        }
        if (kind.isYearly() && year == null) {
            Texts.error("import:year", "import.yearRequired");
            return;
        }
        String user = FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
        report = catalogs.importCsv(kind, kind.isYearly() ? year : null, file.getFileName(), file.getContent(),
                user == null ? "anonymous" : user);
        if (report.imported()) {
            Texts.info("import.done", report.rowsStored(), Texts.text("catalog.kind." + kind.name()));
        } else {
            Texts.error(null, "import.refused", report.errors().size());
        }
        recent = catalogs.recentImports(20);
    }

    /** A report line in the user's language. */
    public String message(RowError error) {
        return Texts.get(Texts.CATALOG, error.key(), error.arguments());
    }

    public CatalogKind[] getKinds() {
        return CatalogKind.values();
    }

    public CatalogKind getKind() {
        return kind;
    }

    public void setKind(CatalogKind kind) {
        this.kind = kind;
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }

    public ImportReport getReport() {
        return report;
    }

    public List<CatalogImport> getRecent() {
        return recent;
    }
}
