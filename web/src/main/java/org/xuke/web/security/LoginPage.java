package org.xuke.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.xuke.web.Texts;

/** The sign-in form: hands the user name and password to the e-key mechanism and routes the result. */
@Named
@RequestScoped
public class LoginPage {

    @Inject
    private SecurityContext security;

    private String username;
    private String password;
    private String notice;
    /** The portal page the user was going to when he was sent here (see {@link LoginReturn}). */
    private String returnTo;
    private boolean expired;

    public String login() {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        AuthenticationStatus status = security.authenticate(request, (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().newAuthentication(true)
                        .credential(new UsernamePasswordCredential(username == null ? "" : username,
                                new Password(password == null ? "" : password))));
        password = null;
        switch (status) {
            case SEND_CONTINUE:
                faces.responseComplete();
                return null;
            case SUCCESS:
                String back = LoginReturn.safe(returnTo);
                if (back != null && !request.isUserInRole(EkeyAuthenticationMechanism.PASSWORD_CHANGE)) {
                    try {
                        external.redirect(request.getContextPath() + back);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    faces.responseComplete();
                    return null;
                }
                return destination(request);
            default:
                Object key = request.getAttribute(EkeyAuthenticationMechanism.MESSAGE);
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                        Texts.get(Texts.IDENTITY, key == null ? "login.wrong" : key.toString(), List.of()), null));
                return null;
        }
    }

    /** Where a signed-in user goes: the password change if he must, else his portal. */
    static String destination(HttpServletRequest request) {
        if (request.isUserInRole(EkeyAuthenticationMechanism.PASSWORD_CHANGE)) {
            return "/account/password?faces-redirect=true";
        }
        if (request.isUserInRole("ENTERPRISE_OPERATOR") || request.isUserInRole("ENTERPRISE_ADMIN")) {
            return "/enterprise/index?faces-redirect=true";
        }
        return "/officer/index?faces-redirect=true";
    }

    /** A notice passed in the URL after a redirect (for example after a password change). */
    public void setNotice(String notice) {
        this.notice = notice;
        if ("passwordChanged".equals(notice)) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    Texts.get(Texts.IDENTITY, "login.passwordChanged", List.of()), null));
        } else if ("ekeyChanged".equals(notice)) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN,
                    Texts.get(Texts.IDENTITY, "login.ekeyChanged", List.of()), null));
        }
    }

    public String getReturnTo() {
        return returnTo;
    }

    public void setReturnTo(String returnTo) {
        this.returnTo = returnTo;
    }

    public boolean isExpired() {
        return expired;
    }

    /**
     * On arrival: the page the user was sent here from (kept in the form for the sign-in), and a
     * word when he is here because his session had ended.
     */
    public void arrive() {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                .getRequest();
        returnTo = LoginReturn.savedPage(request);
        expired = LoginReturn.sessionEnded(request);
        if (expired) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN,
                    Texts.get(Texts.IDENTITY, "login.sessionEnded", List.of()), null));
        }
    }

    public String getNotice() {
        return notice;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
