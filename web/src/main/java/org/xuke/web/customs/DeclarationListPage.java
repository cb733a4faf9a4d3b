package org.xuke.web.customs;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import org.primefaces.model.LazyDataModel;
import org.xuke.customs.CustomsMessage.DeclarationState;
import org.xuke.customs.CustomsQueries;
import org.xuke.customs.CustomsQueries.DeclarationFilter;
import org.xuke.customs.CustomsQueries.DeclarationListRow;
import org.xuke.web.PagedModel;

/**
 * 结关数据查询 / 核销数据查询: the declarations customs reported against the caller's licences
 * (?state=CLEARED opens it on the cleared ones), by licence number, date range and stage.
 */
@Named
@ViewScoped
public class DeclarationListPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CustomsQueries queries;

    private String licence;
    private LocalDate from;
    private LocalDate to;
    private DeclarationState state;

    private final LazyDataModel<DeclarationListRow> model = new PagedModel<>((first, max, sort) ->
            queries.declarationPage(new DeclarationFilter(licence, from, to, state), first, max, sort.field(),
                    sort.ascending()), DeclarationListRow::key);

    public LazyDataModel<DeclarationListRow> getModel() {
        return model;
    }

    public DeclarationState[] getStates() {
        return DeclarationState.values();
    }

    public String getLicence() {
        return licence;
    }

    public void setLicence(String licence) {
        this.licence = licence;
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

    public DeclarationState getState() {
        return state;
    }

    public void setState(DeclarationState state) {
        this.state = state;
    }
}
