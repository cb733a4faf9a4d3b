package org.xuke.account;

import jakarta.enterprise.context.RequestScoped;

/**
 * The caller, resolved once per request: asking Jakarta Security for the caller principal costs
 * class lookups on every call (Soteria), and looking the account up costs a query; a list page
 * asks for both in each boundary call. The account is a detached copy read at the first call of
 * the request: boundaries read the caller's scope and roles from it and never change it, and a
 * change to the account (disabled, roles) takes effect from the next request.
 */
@RequestScoped
public class RequestCaller {

    private String name;
    private Account account;

    String name() {
        return name;
    }

    Account account() {
        return account;
    }

    void remember(String callerName) {
        this.name = callerName;
    }

    void remember(Account callerAccount) {
        this.account = callerAccount;
    }
}
