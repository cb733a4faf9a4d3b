package org.xuke.closure;

import java.io.Serializable;
import java.time.LocalDateTime;

/** One request as the lists show it, with the licence's holder and the application it was issued from. */
public record ClosureRow(long id, long version, ClosureKind kind, ClosureState state, String licenceNumber,
        long applicationId, String holderName, LocalDateTime licenceIssuedAtUtc, String createdBy,
        LocalDateTime createdAtUtc, LocalDateTime submittedAtUtc, String decidedBy, LocalDateTime decidedAtUtc,
        String opinion) implements Serializable {
}
