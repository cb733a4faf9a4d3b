package org.xuke.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.xuke.identity.Account;
import org.xuke.identity.Callers;
import org.xuke.identity.DataScope;
import org.xuke.web.Texts;

/**
 * Seed 001: the top right of a portal page marks whose records the user sees (本人 / 本部门 /
 * 本公司; officers their authority, administrators everything). The account is the request's
 * caller, already read by the page's boundary calls.
 */
@Named
@RequestScoped
public class CallerScope {

    @Inject
    private Callers callers;

    private String label;

    public String getLabel() {
        if (label == null) {
            label = callers.current().map(CallerScope::label).orElse("");
        }
        return label;
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
