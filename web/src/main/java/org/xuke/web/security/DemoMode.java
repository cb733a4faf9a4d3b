package org.xuke.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Demo mode: only when the server is started with -Dxuke.demo.accounts (the run command does),
 * the listed accounts may sign in with their password alone, and every page says so.
 */
@Named
@ApplicationScoped
public class DemoMode {

    private final Set<String> accounts = Arrays.stream(System.getProperty("xuke.demo.accounts", "").split(","))
            .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());

    public boolean isActive() {
        return !accounts.isEmpty();
    }

    public boolean passwordOnlyAllowed(String username) {
        return accounts.contains(username);
    }
}
