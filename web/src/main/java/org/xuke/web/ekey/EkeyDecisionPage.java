package org.xuke.web.ekey;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import org.xuke.identity.ekey.EkeyRequestService;
import org.xuke.identity.ekey.EkeyRequestService.View;
import org.xuke.identity.ekey.EkeyTransition;
import org.xuke.platform.DomainRuleException;
import org.xuke.web.RecordPages;
import org.xuke.web.Texts;

/**
 * One request for the authority's check (核验) or the provider's (复核): the papers, the history,
 * and pass or refuse with an opinion, on the version the officer saw.
 */
@Named
@ViewScoped
public class EkeyDecisionPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private EkeyRequestService service;

    private Long id;
    private View view;
    private long seenVersion;
    private String opinion;

    /** f:viewAction: another authority's request reads like a missing one. */
    public void load() throws IOException {
        view = RecordPages.load(() -> service.viewForCaller(id == null ? -1 : id));
        if (view != null) {
            seenVersion = view.request().getVersion();
        }
    }

    public void decide(EkeyTransition transition) {
        try {
            view = service.decide(id, seenVersion, transition, opinion);
            seenVersion = view.request().getVersion();
            opinion = null;
            Texts.info("ekey.decided", view.request().getNumber(), Texts.text("ekey.state." + view.request().getState()));
        } catch (DomainRuleException e) {
            Texts.refused("decision:opinion", e);
        }
    }

    public boolean may(EkeyTransition t) {
        return view != null && t.allowedFrom(view.request().getState())
                && FacesContext.getCurrentInstance().getExternalContext().isUserInRole(t.role().name());
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
