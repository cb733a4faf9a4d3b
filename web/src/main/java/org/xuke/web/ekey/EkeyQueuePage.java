package org.xuke.web.ekey;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.primefaces.model.LazyDataModel;
import org.xuke.web.PagedModel;
import org.xuke.identity.ekey.EkeyRequestService.QueueRow;
import org.xuke.identity.ekey.EkeyRequestService;
import org.xuke.identity.ekey.EkeyRequestState;

/** The checking side's list of e-key requests: the caller's scope, paged and sorted in the database. */
@Named
@ViewScoped
public class EkeyQueuePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private EkeyRequestService service;

    private EkeyRequestState state = EkeyRequestState.SUBMITTED;
    private String search;
    private final LazyDataModel<QueueRow> model = new PagedModel<>((first, max, sort) -> service.queuePageForCaller(
            state, search, first, max, sort.field(), sort.ascending()), row -> String.valueOf(row.request().getId()));

    /** The state filter follows the caller's step: the provider checks what the authority passed. */
    public void load() {
        if (jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext().isUserInRole("EKEY_PROVIDER")
                && state == EkeyRequestState.SUBMITTED) {
            state = EkeyRequestState.PRECHECK_PASSED;
        }
    }

    public EkeyRequestState[] getStates() {
        return EkeyRequestState.values();
    }

    public LazyDataModel<QueueRow> getModel() {
        return model;
    }

    public EkeyRequestState getState() {
        return state;
    }

    public void setState(EkeyRequestState state) {
        this.state = state;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

}
