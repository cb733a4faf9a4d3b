package org.xuke.web.security;

import jakarta.enterprise.context.SessionScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.security.Principal;
import org.xuke.account.Account;
import org.xuke.account.Callers;
import org.xuke.account.DataScope;
import org.xuke.web.Texts;

/**
 * Seed 001: the top right of a portal page marks whose records the user sees (本人 / 本部门 /
 * 本公司; officers their authority, administrators everything). Read once per session and
 * language: the label is shown on every page, and the account lookup behind it cost a page that
 * makes no boundary call of its own about 2 ms of CPU (docs/BENCHMARKS.md). What a user may see is
 * still decided by each boundary call from the account as it is; a changed scope shows here from
 * the next sign-in.
 */
@Named
@SessionScoped
public class CallerScope implements Serializable {

    private static final long serialVersionUID = 1L;

    private String username;
    private String language;
    private String label;

    public String getLabel() {
        FacesContext faces = FacesContext.getCurrentInstance();
        Principal principal = faces.getExternalContext().getUserPrincipal();
        String name = principal == null ? null : principal.getName();
        String lang = faces.getViewRoot() == null ? "" : faces.getViewRoot().getLocale().getLanguage();
        if (label == null || name == null || !name.equals(username) || !lang.equals(language)) {
            username = name;
            language = lang;
            label = name == null ? "" : lookUp();
        }
        return label;
    }

    /** The caller's account, through a dependent {@link Callers} made for this once (not kept in the session). */
    private static String lookUp() {
        Instance<Callers> instance = CDI.current().select(Callers.class);
        Callers callers = instance.get();
        try {
            return callers.current().map(CallerScope::label).orElse("");
        } finally {
            instance.destroy(callers);
        }
    }

    private static String label(Account account) {
        DataScope scope = account.getDataScope();
        if (scope == null) {
            return "";
        }
        String text = Texts.text("scope." + scope.name());
        if (scope == DataScope.DEPARTMENT && account.getDepartment() != null) {
            return Texts.text("scope.department", text, account.getDepartment());
        }
        return text;
    }
}
