package org.xuke.web.notification;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.xuke.notification.NoticeKind;
import org.xuke.notification.NoticeTexts;
import org.xuke.notification.NotificationService;
import org.xuke.notification.NotificationService.Settings;
import org.xuke.platform.DomainRuleException;
import org.xuke.web.Texts;

/**
 * 消息设置: the user's e-mail address and mobile number, and per kind of notice whether he wants
 * it by e-mail or SMS (the message centre always has it). What he typed stays on a refusal.
 */
@Named("noticeSettings")
@ViewScoped
public class NoticeSettingsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private NotificationService notices;

    private String email;
    private String mobile;
    private boolean smsAvailable;
    private final List<Row> rows = new ArrayList<>();

    /** One kind: its label and the two boxes. */
    public static final class Row implements Serializable {
        private static final long serialVersionUID = 1L;
        private final NoticeKind kind;
        private boolean byEmail;
        private boolean bySms;

        Row(NoticeKind kind, boolean byEmail, boolean bySms) {
            this.kind = kind;
            this.byEmail = byEmail;
            this.bySms = bySms;
        }

        public NoticeKind getKind() {
            return kind;
        }

        public String getLabel() {
            return NoticeTexts.label(Texts.locale(), "kind." + kind.name());
        }

        public boolean isByEmail() {
            return byEmail;
        }

        public void setByEmail(boolean byEmail) {
            this.byEmail = byEmail;
        }

        public boolean isBySms() {
            return bySms;
        }

        public void setBySms(boolean bySms) {
            this.bySms = bySms;
        }
    }

    @PostConstruct
    void load() {
        show(notices.settingsForCaller());
    }

    private void show(Settings settings) {
        email = settings.email();
        mobile = settings.mobile();
        smsAvailable = settings.smsAvailable();
        rows.clear();
        for (NoticeKind kind : settings.kinds()) {
            rows.add(new Row(kind, settings.subscriptions().contains(kind + ":EMAIL"),
                    settings.subscriptions().contains(kind + ":SMS")));
        }
    }

    public void save() {
        Set<String> wanted = new LinkedHashSet<>();
        for (Row row : rows) {
            if (row.byEmail) {
                wanted.add(row.kind + ":EMAIL");
            }
            if (row.bySms && smsAvailable) {
                wanted.add(row.kind + ":SMS");
            }
        }
        try {
            show(notices.saveSettings(email, mobile, wanted));
            Texts.info("notices.saved");
        } catch (DomainRuleException e) {
            Texts.refused(null, e);
        }
    }

    public List<Row> getRows() {
        return rows;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getMobile() {
        return mobile;
    }

    public void setMobile(String mobile) {
        this.mobile = mobile;
    }

    public boolean isSmsAvailable() {
        return smsAvailable;
    }
}
