package org.xuke.web.customs;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.xuke.customs.CustomsAdministration;
import org.xuke.customs.CustomsAdministration.DeadLetter;
import org.xuke.platform.DomainRuleException;
import org.xuke.web.Texts;

/** 死信队列 (system administrators): customs messages xuke could not take, with the reason; replay one. */
@Named
@ViewScoped
public class DeadLetterPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int SHOWN = 500;

    @Inject
    private CustomsAdministration administration;

    private List<DeadLetter> letters;

    /** Read before the page renders (a refusal then shows in its messages). */
    public void load() {
        try {
            letters = administration.deadLetters(SHOWN);
        } catch (DomainRuleException e) {
            Texts.refused(null, e);
            letters = List.of();
        }
    }

    public List<DeadLetter> getLetters() {
        if (letters == null) {
            load();
        }
        return letters;
    }

    public void replay(String jmsId) {
        try {
            administration.replay(jmsId);
            Texts.info("deadLetters.replayed", jmsId);
        } catch (DomainRuleException e) {
            Texts.refused(null, e);
        }
        letters = null;
    }
}
