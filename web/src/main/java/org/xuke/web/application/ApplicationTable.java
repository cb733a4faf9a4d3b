package org.xuke.web.application;

import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.xuke.application.ApplicationFilter;
import org.xuke.application.ApplicationRow;
import org.xuke.application.ExportApplicationService;
import org.xuke.web.ListSort;

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
    private final LazyDataModel<ApplicationRow> model = new Model();

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

    private final class Model extends LazyDataModel<ApplicationRow> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, service.countForCaller(filter()));
        }

        @Override
        public List<ApplicationRow> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            ListSort sort = ListSort.of(sortBy);
            return service.listForCaller(filter(), first, pageSize, sort.field(), sort.ascending());
        }

        @Override
        public String getRowKey(ApplicationRow row) {
            return String.valueOf(row.id());
        }

        @Override
        public ApplicationRow getRowData(String rowKey) {
            return getWrappedData() == null ? null : getWrappedData().stream()
                    .filter(r -> String.valueOf(r.id()).equals(rowKey)).findFirst().orElse(null);
        }
    }
}
