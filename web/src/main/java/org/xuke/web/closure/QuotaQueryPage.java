package org.xuke.web.closure;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.model.LazyDataModel;
import org.xuke.platform.DomainRuleException;
import org.xuke.quota.QuotaFilter;
import org.xuke.quota.QuotaService;
import org.xuke.quota.QuotaService.Movement;
import org.xuke.quota.QuotaService.Row;
import org.xuke.web.PagedModel;
import org.xuke.web.Texts;

/**
 * 配额查询 (seed 001): the quota lines the caller may see (an enterprise: its own; the authority
 * administrator: his authority's) by year, category and 配额文号, with allocated, used, given back
 * and remaining, and the licences behind each figure.
 */
@Named
@ViewScoped
public class QuotaQueryPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private QuotaService quotas;

    private Integer year;
    private String category;
    private String document;
    private String enterprise;
    private Long shown;
    private String shownLabel;
    private List<Movement> movements = List.of();

    private final LazyDataModel<Row> model = new PagedModel<>((first, max, sort) -> quotas.pageForCaller(
            new QuotaFilter(year, enterprise, category, document), first, max, sort.field(), sort.ascending()),
            row -> String.valueOf(row.quota().getId()));

    /** 明细: the licences that drew on one line. */
    public void show(Row row) {
        try {
            movements = quotas.movementsForCaller(row.quota().getId());
            shown = row.quota().getId();
            shownLabel = row.quota().getYear() + " " + row.quota().getCategoryCode();
        } catch (DomainRuleException e) {
            Texts.refused(null, e);
        }
    }

    public LazyDataModel<Row> getModel() {
        return model;
    }

    public List<Movement> getMovements() {
        return movements;
    }

    public Long getShown() {
        return shown;
    }

    public String getShownLabel() {
        return shownLabel;
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getDocument() {
        return document;
    }

    public void setDocument(String document) {
        this.document = document;
    }

    public String getEnterprise() {
        return enterprise;
    }

    public void setEnterprise(String enterprise) {
        this.enterprise = enterprise;
    }
}
