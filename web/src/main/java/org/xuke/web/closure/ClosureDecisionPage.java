package org.xuke.web.closure;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import org.xuke.closure.ClosureService;
import org.xuke.closure.ClosureService.View;
import org.xuke.closure.ClosureState;
import org.xuke.platform.DomainRuleException;
import org.xuke.web.RecordPages;
import org.xuke.web.Texts;

/** One deletion or write-off request for an officer: the licence, customs' figures, the history, and the issuer's decision. */
@Named
@ViewScoped
public class ClosureDecisionPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ClosureService service;

    private Long id;
    private View view;
    private long seenVersion;
    private String opinion;

    public void load() throws IOException {
        if (view != null) {
            return;
        }
        view = RecordPages.load(() -> service.viewForCaller(id == null ? -1 : id));
        if (view != null) {
            seenVersion = view.request().getVersion();
        }
    }

    public void approve() {
        decide(true);
    }

    public void giveBack() {
        decide(false);
    }

    private void decide(boolean approve) {
        try {
            view = service.decide(id, seenVersion, approve, opinion);
            seenVersion = view.request().getVersion();
            opinion = null;
            Texts.info(approve ? "closure.approvedOne" : "closure.returnedOne", view.request().getLicenceNumber());
        } catch (DomainRuleException e) {
            Texts.refused("decision:opinion", e);
        }
    }

    /** The issuer decides a pending request. */
    public boolean isDecidable() {
        return view != null && view.request().getState() == ClosureState.PENDING
                && FacesContext.getCurrentInstance().getExternalContext().isUserInRole("ISSUER");
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public View getView() {
        return view;
    }

    public String getOpinion() {
        return opinion;
    }

    public void setOpinion(String opinion) {
        this.opinion = opinion;
    }
}
