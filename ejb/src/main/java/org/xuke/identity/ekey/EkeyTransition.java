package org.xuke.identity.ekey;

import static org.xuke.identity.ekey.EkeyRequestState.COMPLETED;
import static org.xuke.identity.ekey.EkeyRequestState.DRAFT;
import static org.xuke.identity.ekey.EkeyRequestState.PRECHECK_FAILED;
import static org.xuke.identity.ekey.EkeyRequestState.PRECHECK_PASSED;
import static org.xuke.identity.ekey.EkeyRequestState.PROVIDER_FAILED;
import static org.xuke.identity.ekey.EkeyRequestState.SUBMITTED;
import static org.xuke.identity.ekey.EkeyRequestState.WITHDRAWN;

import java.util.EnumSet;
import java.util.Set;
import org.xuke.account.Role;

/**
 * The e-key request state machine as data: from which states each step may be taken, where it
 * leads, who may take it, and whether an opinion is required (every refusal needs one).
 */
public enum EkeyTransition {
    SUBMIT(EnumSet.of(DRAFT, PRECHECK_FAILED, PROVIDER_FAILED), SUBMITTED, Role.ENTERPRISE_ADMIN, false),
    WITHDRAW(EnumSet.of(DRAFT, SUBMITTED, PRECHECK_FAILED, PROVIDER_FAILED), WITHDRAWN, Role.ENTERPRISE_ADMIN, false),
    PASS_PRECHECK(EnumSet.of(SUBMITTED), PRECHECK_PASSED, Role.AUTHORITY_ADMIN, false),
    FAIL_PRECHECK(EnumSet.of(SUBMITTED), PRECHECK_FAILED, Role.AUTHORITY_ADMIN, true),
    PASS_PROVIDER_CHECK(EnumSet.of(PRECHECK_PASSED), COMPLETED, Role.EKEY_PROVIDER, false),
    FAIL_PROVIDER_CHECK(EnumSet.of(PRECHECK_PASSED), PROVIDER_FAILED, Role.EKEY_PROVIDER, true),
    /** The nightly sweep: a draft or a returned request left alone too long ({@link EkeyRequest#isStaleAt}). */
    EXPIRE(EnumSet.of(DRAFT, PRECHECK_FAILED, PROVIDER_FAILED), WITHDRAWN, Role.SYSTEM_ADMIN, false);

    private final Set<EkeyRequestState> from;
    private final EkeyRequestState to;
    private final Role role;
    private final boolean opinionRequired;

    EkeyTransition(Set<EkeyRequestState> from, EkeyRequestState to, Role role, boolean opinionRequired) {
        this.from = from;
        this.to = to;
        this.role = role;
        this.opinionRequired = opinionRequired;
    }

    public boolean allowedFrom(EkeyRequestState state) {
        return from.contains(state);
    }

    public EkeyRequestState to() {
        return to;
    }

    public Role role() {
        return role;
    }

    public boolean opinionRequired() {
        return opinionRequired;
    }
}
