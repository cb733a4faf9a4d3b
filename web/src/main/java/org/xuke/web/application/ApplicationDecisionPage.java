package org.xuke.web.application;

import org.xuke.licence.LicencePrint;
import org.xuke.licence.LicencePrinting;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.xuke.application.ApplicationTransition;
import org.xuke.application.ExportApplicationService;
import org.xuke.application.ExportApplicationService.View;
import org.xuke.identity.SealVerification;
import org.xuke.platform.DomainRuleException;
import org.xuke.web.RecordPages;
import org.xuke.web.Texts;

/** One application for an officer: the form, the enterprise's seal, the history, and his step on it. */
@Named
@ViewScoped
public class ApplicationDecisionPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ExportApplicationService service;

    @Inject
    private LicencePrinting printing;

    private List<LicencePrint> prints;

    private Long id;
    private View view;
    private long seenVersion;
    private String opinion;
    private SealVerification sealCheck;

    public void load() throws IOException {
        if (view != null) {
            return;
        }
        view = RecordPages.load(() -> service.viewForCaller(id == null ? -1 : id));
        if (view != null) {
            seenVersion = view.application().getVersion();
        }
    }

    public void decide(ApplicationTransition step) {
        try {
            view = step == ApplicationTransition.ISSUE ? service.issue(id, seenVersion, opinion)
                    : service.decide(id, seenVersion, step, opinion);
            seenVersion = view.application().getVersion();
            opinion = null;
            if (step == ApplicationTransition.ISSUE) {
                Texts.info("app.issuedOne", view.application().getApplicationNumber(), view.licence().getNumber());
            } else {
                Texts.info("app.decidedOne", view.application().getApplicationNumber(),
                        Texts.rule("transition." + step, List.of()));
            }
        } catch (DomainRuleException e) {
            Texts.refused("decision:opinion", e);
        }
    }

    public void verifySeal() {
        try {
            sealCheck = service.verifySealForCaller(id);
        } catch (DomainRuleException e) {
            Texts.refused(null, e);
        }
    }

    public boolean may(ApplicationTransition t) {
        return view != null && t.allowedFrom(view.application().getState())
                && FacesContext.getCurrentInstance().getExternalContext().isUserInRole(t.role().name());
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    /** The paper copies printed of the licence (newest first), once per view. */
    public List<LicencePrint> getPrints() {
        if (prints == null) {
            View current = getView();
            prints = current == null || current.licence() == null ? List.of()
                    : printing.printsOf(current.licence().getNumber());
        }
        return prints;
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

    public SealVerification getSealCheck() {
        return sealCheck;
    }
}
