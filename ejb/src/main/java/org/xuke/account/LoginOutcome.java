package org.xuke.account;

/** The result of one password check; the key names the message shown to the user. */
public enum LoginOutcome {
    SUCCESS("login.success"),
    PASSWORD_CHANGE_REQUIRED("login.changeRequired"),
    WRONG_CREDENTIALS("login.wrong"),
    LOCKED("login.locked"),
    DISABLED("login.disabled");

    private final String messageKey;

    LoginOutcome(String messageKey) {
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }

    public boolean authenticated() {
        return this == SUCCESS || this == PASSWORD_CHANGE_REQUIRED;
    }
}
