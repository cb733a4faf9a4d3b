package org.xuke.web.application;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.primefaces.model.LazyDataModel;
import org.xuke.licence.LicenceFilter;
import org.xuke.licence.LicenceRow;
import org.xuke.licence.LicenceService;
import org.xuke.licence.LicenceStanding;
import org.xuke.web.PagedModel;
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

    /** A ticked row off the page shown is looked up again, within the caller's reach. */
    private final LazyDataModel<LicenceRow> model = new PagedModel<>((first, max, sort) -> service.pageForCaller(
            filter(), first, max, sort.field(), sort.ascending()), LicenceRow::number,
            number -> service.listForCaller(LicenceFilter.number(number), 0, 20, null, false).stream()
                    .filter(l -> l.number().equals(number)).findFirst().orElse(null));

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
