package org.xuke.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.xuke.platform.DomainRuleException;

/** Visible strings from the resource bundles, in the current view's language. */
public final class Texts {

    public static final String WEB = "org.xuke.web.text";
    public static final String CATALOG = "org.xuke.catalog.CatalogMessages";
    public static final String IDENTITY = "org.xuke.identity.IdentityMessages";

    private Texts() {
    }

    public static Locale locale() {
        FacesContext context = FacesContext.getCurrentInstance();
        return context == null || context.getViewRoot() == null ? Locale.SIMPLIFIED_CHINESE
                : context.getViewRoot().getLocale();
    }

    public static String get(String bundle, String key, List<String> arguments) {
        try {
            String pattern = ResourceBundle.getBundle(bundle, locale(), Texts.class.getClassLoader()).getString(key);
            return arguments.isEmpty() ? pattern : new MessageFormat(pattern, locale()).format(arguments.toArray());
        } catch (MissingResourceException e) {
            return key + " " + arguments;
        }
    }

    /** Bundles that hold the messages of broken business rules, one per context. */
    private static final List<String> RULE_BUNDLES = List.of(IDENTITY, "org.xuke.enterprise.EnterpriseMessages",
            "org.xuke.application.ApplicationMessages", "org.xuke.licence.LicenceMessages",
            "org.xuke.quota.QuotaMessages", "org.xuke.customs.CustomsMessages", "org.xuke.closure.ClosureMessages", "org.xuke.reconciliation.ReconciliationMessages",
            "org.xuke.notification.NotificationMessages", "org.xuke.statistics.StatisticsMessages",
            CATALOG, "org.xuke.audit.AuditMessages");

    /** The text of a broken rule, from whichever context's bundle defines its key. */
    public static String rule(String key, List<String> arguments) {
        for (String bundle : RULE_BUNDLES) {
            try {
                ResourceBundle texts = ResourceBundle.getBundle(bundle, locale(), Texts.class.getClassLoader());
                texts.getString(key);
                // states and steps travel as enum names; the message shows their label
                return get(bundle, key, arguments.stream().map(a -> label(texts, a)).toList());
            } catch (MissingResourceException e) {
                // not this context's key
            }
        }
        return key + " " + arguments;
    }

    private static String label(ResourceBundle texts, String argument) {
        for (String prefix : List.of("state.", "transition.")) {
            if (argument != null && texts.containsKey(prefix + argument)) {
                return texts.getString(prefix + argument);
            }
        }
        return argument;
    }

    /** The text for {@code key}, or {@code otherwise} when the bundle has none. */
    public static String textOr(String key, String otherwise) {
        ResourceBundle texts = ResourceBundle.getBundle(WEB, FacesContext.getCurrentInstance().getViewRoot().getLocale());
        return texts.containsKey(key) ? texts.getString(key) : otherwise;
    }

    public static String text(String key, Object... arguments) {
        return get(WEB, key, java.util.Arrays.stream(arguments).map(String::valueOf).toList());
    }

    public static void info(String key, Object... arguments) {
        FacesContext.getCurrentInstance().addMessage(null,
                new FacesMessage(FacesMessage.SEVERITY_INFO, text(key, arguments), null));
    }

    /** A broken business rule as an error message at a field (or at the top when clientId is null). */
    public static void refused(String clientId, DomainRuleException e) {
        FacesContext.getCurrentInstance().addMessage(clientId,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, rule(e.key(), e.arguments()), null));
    }

    /**
     * A broken rule at a field, named in the page's summary ("合同号：此项必须填写") while the
     * message beside the field says the rule alone (p:message shows the detail).
     */
    public static void refusedAt(String clientId, String fieldLabel, DomainRuleException e) {
        String rule = rule(e.key(), e.arguments());
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                text("field.named", fieldLabel, rule), rule));
    }

    public static void error(String clientId, String key, Object... arguments) {
        FacesContext.getCurrentInstance().addMessage(clientId,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, text(key, arguments), null));
    }
}
