package org.xuke.web.notification;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.xuke.notification.NotificationService;

/** The header's unread figure: one query per request, asked again when the live push re-renders it. */
@Named
@RequestScoped
public class NoticeCount {

    @Inject
    private NotificationService notices;

    private Long unread;

    /** After marking read in this request: the header shows the figure as it is now. */
    public void refresh() {
        unread = null;
    }

    public long getUnread() {
        if (unread == null) {
            unread = notices.unreadCountForCaller();
        }
        return unread;
    }
}
