package org.xuke.identity.ekey;

import java.io.Serializable;

/**
 * Upward news of an e-key request (DESIGN.md): a step taken (submitted, a check passed or failed),
 * fired in the transaction of that step. The request is scoped by its enterprise (whose authority
 * checks it) and names the account the key is for.
 */
public record EkeyRequestEvent(EkeyTransition transition, long requestId, String number, EkeyRequestType type,
        long enterpriseId, String username, String actor, String opinion) implements Serializable {
}
