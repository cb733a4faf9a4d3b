package org.xuke.web.application;

import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.primefaces.model.LazyDataModel;
import org.xuke.application.ApplicationFilter;
import org.xuke.application.ApplicationRow;
import org.xuke.application.ExportApplicationService;
import org.xuke.web.PagedModel;

/**
 * What the enterprise's lists and the officers' queues share: the user's filters (date range,
 * commodity, number or enterprise), a selection for batch steps, and a lazy table that counts,
 * sorts and pages in the database through the caller-scoped boundary.
 */
public abstract class ApplicationTable implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    protected ExportApplicationService service;

    private LocalDate from;
    private LocalDate to;
    private String commodity;
    private String search;
    private Integer year;
    private String licenceNumber;
    private List<ApplicationRow> selection = new ArrayList<>();
    private final LazyDataModel<ApplicationRow> model = new PagedModel<>((first, max, sort) -> service.pageForCaller(
            filter(), first, max, sort.field(), sort.ascending()), row -> String.valueOf(row.id()));

    /** The list's states and flags plus the user's filters. */
    protected abstract ApplicationFilter filter();

    public LazyDataModel<ApplicationRow> getModel() {
        return model;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public String getCommodity() {
        return commodity;
    }

    public void setCommodity(String commodity) {
        this.commodity = commodity;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public String getLicenceNumber() {
        return licenceNumber;
    }

    public void setLicenceNumber(String licenceNumber) {
        this.licenceNumber = licenceNumber;
    }

    public List<ApplicationRow> getSelection() {
        return selection;
    }

    public void setSelection(List<ApplicationRow> selection) {
        this.selection = selection == null ? new ArrayList<>() : selection;
    }
}
