package org.xuke.closure;

import java.io.Serializable;

/**
 * Upward news of a deletion or write-off request (DESIGN.md): submitted to the authority, approved
 * or returned, fired in the transaction of that step. Carries what decides who may read the
 * request (its enterprise, who filed it, his department, the licence's authority).
 */
public record ClosureEvent(ClosureState state, ClosureKind closureKind, long requestId, String licenceNumber,
        long enterpriseId, String createdBy, String department, String authorityCode, String actor, String opinion)
        implements Serializable {

    static ClosureEvent of(ClosureRequest request, String actor) {
        return new ClosureEvent(request.getState(), request.getKind(), request.getId(), request.getLicenceNumber(),
                request.getEnterpriseId(), request.getCreatedBy(), request.getDepartment(),
                request.getAuthorityCode(), actor, request.getOpinion());
    }
}
