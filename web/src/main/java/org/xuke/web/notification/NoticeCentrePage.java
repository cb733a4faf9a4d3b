package org.xuke.web.notification;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.primefaces.model.LazyDataModel;
import org.xuke.notification.Notice;
import org.xuke.notification.NoticeKind;
import org.xuke.notification.NoticeTexts;
import org.xuke.notification.NotificationService;
import org.xuke.notification.NotificationService.Filter;
import org.xuke.platform.DomainRuleException;
import org.xuke.platform.OutOfScopeException;
import org.xuke.web.PagedModel;
import org.xuke.web.Texts;

/**
 * 消息中心: the user's notices, newest first (sortable), filtered by read or not, kind and record
 * number; opening one marks it read and goes to its record; 全部标为已读 after a confirmation.
 */
@Named("noticeCentre")
@ViewScoped
public class NoticeCentrePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private NotificationService notices;

    @Inject
    private NoticeCount count;

    private String show = "ALL";
    private NoticeKind kind;
    private String search;
    private List<NoticeKind> kinds;

    private final LazyDataModel<Notice> model = new PagedModel<>((first, max, sort) ->
            notices.pageForCaller(new Filter("UNREAD".equals(show) ? Boolean.TRUE : "READ".equals(show) ? Boolean.FALSE
                    : null, kind, search), first, max, sort.field(), sort.ascending()), n -> String.valueOf(n.getId()));

    public LazyDataModel<Notice> getModel() {
        return model;
    }

    /** The kinds of the caller's side (enterprise or officer), for the filter. */
    public List<NoticeKind> getKinds() {
        if (kinds == null) {
            kinds = notices.kindsForCaller();
        }
        return kinds;
    }

    public String text(Notice notice) {
        return NoticeTexts.text(Texts.locale(), notice);
    }

    public String kindLabel(NoticeKind of) {
        return NoticeTexts.label(Texts.locale(), "kind." + of.name());
    }

    /** Marks it read and opens its record in this portal. */
    public void open(long id, String portal) throws IOException {
        try {
            Notice notice = notices.markRead(id);
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.redirect(external.getRequestContextPath()
                    + notice.getRecordType().page(portal, notice.getRecordId(), notice.getRecordLabel()));
        } catch (OutOfScopeException e) {
            Texts.error(null, "notices.gone");
        }
    }

    public void markRead(long id) {
        try {
            notices.markRead(id);
            count.refresh();
        } catch (DomainRuleException e) {
            Texts.error(null, "notices.gone");
        }
    }

    public void markAllRead() {
        Texts.info("notices.allRead", notices.markAllRead());
        count.refresh();
    }

    public String getShow() {
        return show;
    }

    public void setShow(String show) {
        this.show = show;
    }

    public NoticeKind getKind() {
        return kind;
    }

    public void setKind(NoticeKind kind) {
        this.kind = kind;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }
}
