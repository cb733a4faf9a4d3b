package org.xuke.identity;

import jakarta.enterprise.context.RequestScoped;

/**
 * The caller's name, resolved once per request: asking Jakarta Security for the caller principal
 * costs class lookups on every call (Soteria), and a list page asks for it in each boundary call.
 */
@RequestScoped
public class RequestCaller {

    private String name;

    String name() {
        return name;
    }

    void remember(String callerName) {
        this.name = callerName;
    }
}
