package org.xuke.account;

import java.io.Serializable;

/** What a login attempt tells the login page: the outcome and, after a wrong password, attempts left. */
public record LoginResult(LoginOutcome outcome, int attemptsLeft) implements Serializable {
}
