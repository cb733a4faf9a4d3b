package org.xuke.identity.ekey;

/** Where an e-key request stands (seed 004: 核验 by the authority, 复核 by the e-key provider). */
public enum EkeyRequestState {
    DRAFT, SUBMITTED, PRECHECK_FAILED, PRECHECK_PASSED, PROVIDER_FAILED, COMPLETED, WITHDRAWN;

    public boolean isFinal() {
        return this == COMPLETED || this == WITHDRAWN;
    }
}
