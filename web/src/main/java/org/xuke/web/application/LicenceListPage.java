package org.xuke.web.application;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.xuke.licence.LicenceFilter;
import org.xuke.licence.LicenceRow;
import org.xuke.licence.LicenceService;
import org.xuke.licence.LicenceStanding;
import org.xuke.web.ListSort;
import org.xuke.web.licence.BatchPrintPage;

/**
 * 查看电子许可证: the caller's licences (an officer's: his authority's), newest first unless
 * sorted, searchable by number, commodity, holder, issue date and standing.
 */
@Named
@ViewScoped
public class LicenceListPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private LicenceService service;

    @Inject
    private BatchPrintPage printing;

    private String search;
    private String commodity;
    private String holder;
    private LocalDate from;
    private LocalDate to;
    private LicenceStanding standing;
    private List<LicenceRow> selection = new ArrayList<>();

    private final LazyDataModel<LicenceRow> model = new LazyDataModel<>() {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, service.countForCaller(filter()));
        }

        @Override
        public List<LicenceRow> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            ListSort sort = ListSort.of(sortBy);
            return service.listForCaller(filter(), first, pageSize, sort.field(), sort.ascending());
        }

        @Override
        public String getRowKey(LicenceRow licence) {
            return licence.number();
        }

        /** A ticked row: from the page shown, else looked up (still within the caller's reach). */
        @Override
        public LicenceRow getRowData(String rowKey) {
            List<LicenceRow> page = getWrappedData();
            if (page != null) {
                for (LicenceRow licence : page) {
                    if (licence.number().equals(rowKey)) {
                        return licence;
                    }
                }
            }
            return service.listForCaller(LicenceFilter.number(rowKey), 0, 20, null, false).stream()
                    .filter(l -> l.number().equals(rowKey)).findFirst().orElse(null);
        }
    };

    /** 打印纸质许可证 (officers): one recorded copy of each ticked licence, rendered in the background. */
    public void printSelected() {
        if (printing.printPaper(selection)) {
            selection = new ArrayList<>();
        }
    }

    private LicenceFilter filter() {
        return new LicenceFilter(search, commodity, holder, from, to, standing);
    }

    public LazyDataModel<LicenceRow> getModel() {
        return model;
    }

    public List<LicenceRow> getSelection() {
        return selection;
    }

    public void setSelection(List<LicenceRow> selection) {
        this.selection = selection == null ? new ArrayList<>() : selection;
    }

    public LicenceStanding[] getStandings() {
        return LicenceStanding.values();
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public String getCommodity() {
        return commodity;
    }

    public void setCommodity(String commodity) {
        this.commodity = commodity;
    }

    public String getHolder() {
        return holder;
    }

    public void setHolder(String holder) {
        this.holder = holder;
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

    public LicenceStanding getStanding() {
        return standing;
    }

    public void setStanding(LicenceStanding standing) {
        this.standing = standing;
    }
}
