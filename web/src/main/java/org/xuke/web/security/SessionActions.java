package org.xuke.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

/** Signing out: ends the authenticated session and returns to the public home page. */
@Named
@RequestScoped
public class SessionActions {

    public String logout() throws ServletException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ((HttpServletRequest) faces.getExternalContext().getRequest()).logout();
        faces.getExternalContext().invalidateSession();
        return "/index?faces-redirect=true";
    }
}
