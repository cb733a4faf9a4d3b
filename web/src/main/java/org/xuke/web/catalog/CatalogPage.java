package org.xuke.web.catalog;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.model.LazyDataModel;
import org.xuke.catalog.CatalogEntry;
import org.xuke.catalog.CatalogFilter;
import org.xuke.catalog.CatalogKind;
import org.xuke.catalog.CatalogService;
import org.xuke.web.PagedModel;
import org.xuke.web.Texts;

/**
 * A catalogue list (参数列表) in either portal. The search criteria are view parameters, so a
 * search is a bookmarkable URL (Post-Redirect-Get); paging and sorting run in the database.
 */
@Named
@ViewScoped
public class CatalogPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CatalogService catalogs;

    private HashMap<String, String> unitLabels;
    private boolean unitLabelsEnglish;

    private String slug;
    private Integer year;
    private String code;
    private String category;
    private String name;

    private CatalogKind kind;
    private List<Integer> years;
    private LazyDataModel<CatalogEntry> model;

    /** f:viewAction: resolves the catalogue named in the URL, or answers 404. */
    public void init() throws IOException {
        kind = slug == null ? CatalogKind.COMMODITY : CatalogKind.fromSlug(slug);
        if (kind == null) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, slug);
            FacesContext.getCurrentInstance().responseComplete();
            return;
        }
        years = catalogs.years(kind);
        CatalogKind shown = kind;
        model = new PagedModel<>((first, max, sort) -> catalogs.page(shown, filter(), first, max, sort.field(),
                sort.ascending()), entry -> String.valueOf(entry.getId()));
    }

    /** Search: reload the page with the criteria in its URL. */
    public String search() {
        return FacesContext.getCurrentInstance().getViewRoot().getViewId()
                + "?faces-redirect=true&includeViewParams=true";
    }

    public String reset() {
        return FacesContext.getCurrentInstance().getViewRoot().getViewId()
                + "?faces-redirect=true&kind=" + kind.slug();
    }

    /** The text of one cell: booleans as 是/否, nothing as a dash. */
    public String cell(CatalogEntry row, String column) {
        Object value = CellFormat.read(row, column);
        if (value == null) {
            return "—";
        }
        if (value instanceof Boolean flag) {
            return Texts.text(flag ? "common.yes" : "common.no");
        }
        if ("unitCode".equals(column)) {
            // a unit is read by its name ("035 千克"), in English on the English pages
            return unitLabels().getOrDefault(value.toString(), value.toString());
        }
        // enumerated values (levels, code systems, day kinds, confidence, management) in words, never as stored
        return Texts.textOr("catalog.value." + column + "." + value, value.toString());
    }

    /** The units' labels, read once per view and language (every commodity row names one). */
    private Map<String, String> unitLabels() {
        boolean english = "en".equals(Texts.locale().getLanguage());
        if (unitLabels == null || unitLabelsEnglish != english) {
            unitLabels = new HashMap<>();
            for (CatalogEntry unit : catalogs.find(CatalogKind.UNIT, null, 0, 500, "code", true)) {
                unitLabels.put(unit.getCode(), unit.getCode() + " " + CatalogService.name(unit, english));
            }
            unitLabelsEnglish = english;
        }
        return unitLabels;
    }

    private CatalogFilter filter() {
        return new CatalogFilter(year, code, category, name);
    }

    public List<String> getColumns() {
        return kind.columns();
    }

    public CatalogKind getKind() {
        return kind;
    }

    public List<Integer> getYears() {
        return years;
    }

    public LazyDataModel<CatalogEntry> getModel() {
        return model;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
