package org.xuke.web.ekey;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.xuke.identity.ekey.EkeyRequestService.QueueRow;
import org.xuke.identity.ekey.EkeyRequestService;
import org.xuke.identity.ekey.EkeyRequestState;
import org.xuke.web.ListSort;

/** The checking side's list of e-key requests: the caller's scope, paged and sorted in the database. */
@Named
@ViewScoped
public class EkeyQueuePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private EkeyRequestService service;

    private EkeyRequestState state = EkeyRequestState.SUBMITTED;
    private String search;
    private final LazyDataModel<QueueRow> model = new Model();

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

    private final class Model extends LazyDataModel<QueueRow> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, service.countForCaller(state, search));
        }

        @Override
        public List<QueueRow> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            ListSort sort = ListSort.of(sortBy);
            return service.queueForCaller(state, search, first, pageSize, sort.field(), sort.ascending());
        }

        @Override
        public String getRowKey(QueueRow row) {
            return String.valueOf(row.request().getId());
        }

        @Override
        public QueueRow getRowData(String rowKey) {
            return getWrappedData() == null ? null : getWrappedData().stream()
                    .filter(v -> String.valueOf(v.request().getId()).equals(rowKey)).findFirst().orElse(null);
        }
    }
}
