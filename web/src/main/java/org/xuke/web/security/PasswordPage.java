package org.xuke.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.xuke.account.AccountService;
import org.xuke.platform.DomainRuleException;
import org.xuke.web.Texts;

/** Choosing a new password (forced after the first sign-in); afterwards the user signs in again. */
@Named
@RequestScoped
public class PasswordPage {

    @Inject
    private SecurityContext security;

    @Inject
    private AccountService accounts;

    private String current;
    private String chosen;
    private String repeated;

    public String change() throws ServletException {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (chosen == null || !chosen.equals(repeated)) {
            faces.addMessage("password:repeated", new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    Texts.get(Texts.IDENTITY, "password.mismatch", java.util.List.of()), null));
            return null;
        }
        HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
        try {
            accounts.changePassword(security.getCallerPrincipal().getName(), current.toCharArray(),
                    chosen.toCharArray(), request.getRemoteAddr());
        } catch (DomainRuleException rule) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    Texts.rule(rule.key(), rule.arguments()), null));
            return null;
        }
        request.logout();
        faces.getExternalContext().invalidateSession();
        return "/login?faces-redirect=true&message=passwordChanged";
    }

    public String getCurrent() {
        return current;
    }

    public void setCurrent(String current) {
        this.current = current;
    }

    public String getChosen() {
        return chosen;
    }

    public void setChosen(String chosen) {
        this.chosen = chosen;
    }

    public String getRepeated() {
        return repeated;
    }

    public void setRepeated(String repeated) {
        this.repeated = repeated;
    }
}
