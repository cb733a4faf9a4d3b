package org.xuke.web;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;

/** The user's language for this session: Simplified Chinese unless he chooses English. */
@Named
@SessionScoped
public class LocaleBean implements Serializable {

    private static final long serialVersionUID = 1L;

    private Locale locale = Locale.SIMPLIFIED_CHINESE;

    public Locale getLocale() {
        return locale;
    }

    public boolean isChinese() {
        return "zh".equals(locale.getLanguage());
    }

    /** Switches language and reloads the same page with its parameters (Post-Redirect-Get). */
    public String switchTo(String language) {
        locale = "en".equals(language) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        FacesContext context = FacesContext.getCurrentInstance();
        context.getViewRoot().setLocale(locale);
        return context.getViewRoot().getViewId() + "?faces-redirect=true&includeViewParams=true";
    }
}
