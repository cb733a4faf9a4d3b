package org.xuke.web.audit;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.primefaces.model.LazyDataModel;
import org.xuke.web.PagedModel;
import org.xuke.audit.AuditEvent;
import org.xuke.audit.AuditFilter;
import org.xuke.audit.AuditLog;
import org.xuke.audit.ChainCheck;
import org.xuke.web.Texts;

/** The audit log for system administrators: search (newest first, paged in the database) and chain check. */
@Named
@ViewScoped
public class AuditPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String MESSAGES = "org.xuke.audit.AuditMessages";

    @Inject
    private AuditLog audit;

    private String actor;
    private String action;
    private String subject;
    private LocalDate from;
    private LocalDate to;

    private final LazyDataModel<AuditEvent> model = new PagedModel<>((first, max, sort) -> audit.page(filter(),
            first, max, sort.sorted() && sort.ascending()), event -> String.valueOf(event.getPosition()));

    private AuditFilter filter() {
        return new AuditFilter(actor, action, subject, from, to);
    }

    /** Walks the whole chain and says whether it is intact or where it breaks. */
    public void verify() {
        ChainCheck check = audit.verify();
        FacesMessage message = check.intact()
                ? new FacesMessage(FacesMessage.SEVERITY_INFO, Texts.get(MESSAGES, "audit.chain.intact",
                        List.of(String.valueOf(check.rowsChecked()))), null)
                : new FacesMessage(FacesMessage.SEVERITY_ERROR, Texts.get(MESSAGES, check.problem(),
                        List.of(String.valueOf(check.firstBrokenPosition()))), null);
        FacesContext.getCurrentInstance().addMessage(null, message);
    }

    public LazyDataModel<AuditEvent> getModel() {
        return model;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
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
}
