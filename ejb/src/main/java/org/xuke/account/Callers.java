package org.xuke.account;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
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

    @Inject
    private Instance<RequestCaller> perRequest;

    public Optional<Account> current() {
        String acting = DemoActor.current();
        if (acting != null) {
            return accounts.find(acting);
        }
        RequestCaller cache = requestCache();
        String name = callerName(cache);
        if (name == null) {
            return Optional.empty();
        }
        if (cache != null && cache.account() != null && cache.account().getUsername().equals(name)) {
            return Optional.of(cache.account());
        }
        Optional<Account> account = accounts.find(name);
        if (cache != null) {
            account.ifPresent(cache::remember);
        }
        return account;
    }

    /** Only a signed-in caller is remembered, so a sign-in later in the same request is still seen. */
    private String callerName(RequestCaller cache) {
        if (cache != null && cache.name() != null) {
            return cache.name();
        }
        Principal principal = security.getCallerPrincipal();
        String name = principal == null ? null : principal.getName();
        if (cache != null && name != null) {
            cache.remember(name);
        }
        return name;
    }

    private RequestCaller requestCache() {
        try {
            RequestCaller cache = perRequest.get();
            cache.name();
            return cache;
        } catch (ContextNotActiveException e) {
            // a timer, a message: no request to remember the caller in
            return null;
        }
    }

    /** The signed-in account with a usable password, or a refusal. */
    public Account require() {
        Account account = current().orElseThrow(() -> new DomainRuleException("access.signIn"));
        // the demo data acts for demo accounts that have not signed in yet (their one-time passwords stand)
        if (account.isMustChangePassword() && DemoActor.current() == null || !account.isEnabled()) {
            throw new DomainRuleException("access.signIn");
        }
        return account;
    }
}
