package org.xuke.web.catalog;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.xuke.catalog.CatalogEntry;
import org.xuke.catalog.CatalogFilter;
import org.xuke.catalog.CatalogKind;
import org.xuke.catalog.CatalogService;
import org.xuke.web.ListSort;

/** Pages a catalogue straight from the database: count, then one page, sorted there. */
public class CatalogLazyModel extends LazyDataModel<CatalogEntry> {

    private static final long serialVersionUID = 1L;

    private final CatalogService service;
    private final CatalogKind kind;
    private final Supplier<CatalogFilter> filter;

    CatalogLazyModel(CatalogService service, CatalogKind kind, Supplier<CatalogFilter> filter) {
        this.service = service;
        this.kind = kind;
        this.filter = filter;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, service.count(kind, filter.get()));
    }

    @Override
    public List<CatalogEntry> load(int first, int pageSize, Map<String, SortMeta> sortBy,
            Map<String, FilterMeta> filterBy) {
        ListSort sort = ListSort.of(sortBy);
        return service.find(kind, filter.get(), first, pageSize, sort.field(), sort.ascending());
    }

    @Override
    public String getRowKey(CatalogEntry entry) {
        return String.valueOf(entry.getId());
    }

    @Override
    public CatalogEntry getRowData(String rowKey) {
        // Rows are only displayed, never selected; the current page is all we can resolve.
        return getWrappedData() == null ? null : getWrappedData().stream()
                .filter(e -> String.valueOf(e.getId()).equals(rowKey)).findFirst().orElse(null);
    }
}
