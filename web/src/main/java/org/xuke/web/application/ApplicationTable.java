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
import org.xuke.platform.DomainRuleException;
import org.xuke.web.ListSort;
import org.xuke.web.PagedModel;
import org.xuke.web.Texts;
import org.xuke.web.licence.PrintJobs;
import org.xuke.web.statistics.ExcelJob;

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
    /** The sort the table was last drawn with: an export writes the list in the order the user sees. */
    private ListSort lastSort = new ListSort(null, true);
    private final ExcelJob excel = new ExcelJob();
    private final LazyDataModel<ApplicationRow> model = new PagedModel<>((first, max, sort) -> {
        lastSort = sort;
        return service.pageForCaller(filter(), first, max, sort.field(), sort.ascending());
    }, row -> String.valueOf(row.id()));

    @Inject
    private PrintJobs jobs;

    /**
     * The list as filtered and sorted to Excel (综合查询's export), written in the background while the
     * page shows how many rows are done; then the link to the workbook.
     */
    public void export() {
        try {
            ApplicationFilter filter = filter();
            ListSort sort = lastSort;
            int total = (int) Math.min(Integer.MAX_VALUE, service.countForCaller(filter));
            excel.start(jobs, total, (out, progress) -> service.exportForCaller(filter, sort.field(), sort.ascending(),
                    out, progress));
        } catch (DomainRuleException e) {
            Texts.refused(null, e);
        }
    }

    public ExcelJob getExcel() {
        return excel;
    }

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
