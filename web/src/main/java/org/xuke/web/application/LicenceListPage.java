package org.xuke.web.application;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.xuke.application.ExportApplicationService;
import org.xuke.licence.ExportLicence;

/** 查看电子许可证: the caller's licences (an officer's: his authority's), newest first, searchable by number. */
@Named
@ViewScoped
public class LicenceListPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ExportApplicationService service;

    private String search;
    private final LazyDataModel<ExportLicence> model = new LazyDataModel<>() {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, service.countLicencesForCaller(search));
        }

        @Override
        public List<ExportLicence> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            return service.licencesForCaller(search, first, pageSize);
        }

        @Override
        public String getRowKey(ExportLicence licence) {
            return licence.getNumber();
        }

        /** A ticked row: from the page shown, else looked up (still within the caller's reach). */
        @Override
        public ExportLicence getRowData(String rowKey) {
            List<ExportLicence> page = getWrappedData();
            if (page != null) {
                for (ExportLicence licence : page) {
                    if (licence.getNumber().equals(rowKey)) {
                        return licence;
                    }
                }
            }
            return service.licencesForCaller(rowKey, 0, 20).stream().filter(l -> l.getNumber().equals(rowKey))
                    .findFirst().orElse(null);
        }
    };

    public LazyDataModel<ExportLicence> getModel() {
        return model;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }
}
