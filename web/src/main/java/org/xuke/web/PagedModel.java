package org.xuke.web;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.xuke.platform.Page;

/**
 * The one lazy data model of the list pages: a page of rows and the total come from one boundary
 * call ({@link Pager}). PrimeFaces asks for the count first and the rows after; the count is
 * answered by fetching the page the table is about to show (its first row, page size and sort), and
 * the load that follows takes those rows. Rows are keyed for selection by {@code key}; a ticked
 * row not on the page shown is looked up by {@code lookup} (null: only the page shown).
 */
public class PagedModel<R> extends LazyDataModel<R> {

    private static final long serialVersionUID = 1L;

    /** One boundary call: the rows from {@code first}, at most {@code max}, sorted, and the total. */
    @FunctionalInterface
    public interface Pager<R> extends Serializable {
        Page<R> page(int first, int max, ListSort sort);
    }

    /** A row by its key, outside the page shown (within the caller's reach), or null. */
    @FunctionalInterface
    public interface Lookup<R> extends Serializable {
        R find(String key);
    }

    private final Pager<R> pager;
    private final SerializableKey<R> key;
    private final Lookup<R> lookup;
    private transient Fetched<R> fetched;

    private record Fetched<R>(int first, int max, ListSort sort, List<R> rows) {
    }

    /** The row key function, serializable with the view. */
    @FunctionalInterface
    public interface SerializableKey<R> extends Function<R, String>, Serializable {
    }

    public PagedModel(Pager<R> pager, SerializableKey<R> key, Lookup<R> lookup) {
        this.pager = pager;
        this.key = key;
        this.lookup = lookup;
    }

    public PagedModel(Pager<R> pager, SerializableKey<R> key) {
        this(pager, key, null);
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        UIComponent current = UIComponent.getCurrentComponent(FacesContext.getCurrentInstance());
        int first = 0;
        int max = 20;
        ListSort sort = new ListSort(null, true);
        if (current instanceof DataTable table) {
            first = table.getFirst();
            max = table.getRows() > 0 ? table.getRows() : max;
            sort = ListSort.of(table.getActiveSortMeta());
        }
        Page<R> page = pager.page(first, max, sort);
        fetched = new Fetched<>(first, max, sort, page.rows());
        return (int) Math.min(Integer.MAX_VALUE, page.total());
    }

    @Override
    public List<R> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        ListSort sort = ListSort.of(sortBy);
        Fetched<R> ready = fetched;
        fetched = null;
        if (ready != null && ready.first() == first && ready.max() == pageSize && Objects.equals(ready.sort(), sort)) {
            return ready.rows();
        }
        // the table moved its first row after counting (past the end), or was not the current component
        Page<R> page = pager.page(first, pageSize, sort);
        setRowCount((int) Math.min(Integer.MAX_VALUE, page.total()));
        return page.rows();
    }

    @Override
    public String getRowKey(R row) {
        return key.apply(row);
    }

    @Override
    public R getRowData(String rowKey) {
        List<R> shown = getWrappedData();
        if (shown != null) {
            for (R row : shown) {
                if (key.apply(row).equals(rowKey)) {
                    return row;
                }
            }
        }
        return lookup == null ? null : lookup.find(rowKey);
    }
}
