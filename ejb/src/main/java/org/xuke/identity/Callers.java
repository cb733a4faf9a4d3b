package org.xuke.identity;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Optional;
import org.xuke.platform.DomainRuleException;

/**
 * Who is calling a boundary: always the authenticated principal of the request, never a name or
 * id passed in by a page, so a changed URL or request cannot make anyone somebody else.
 */
@Dependent
public class Callers {

    @Inject
    private SecurityContext security;

    @Inject
    private AccountService accounts;

    public Optional<Account> current() {
        Principal principal = security.getCallerPrincipal();
        return principal == null ? Optional.empty() : accounts.find(principal.getName());
    }

    /** The signed-in account with a usable password, or a refusal. */
    public Account require() {
        Account account = current().orElseThrow(() -> new DomainRuleException("access.signIn"));
        if (account.isMustChangePassword() || !account.isEnabled()) {
            throw new DomainRuleException("access.signIn");
        }
        return account;
    }
}
