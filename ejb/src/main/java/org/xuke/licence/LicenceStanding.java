package org.xuke.licence;

import java.time.LocalDate;

/**
 * What the public verification page and the licence lists show: {@link LicenceStatus} with expiry
 * applied on a given day (a licence past its end is expired before the daily run records it).
 */
public enum LicenceStanding {
    VALID, EXPIRED, DELETED, WRITTEN_OFF, RETURNED;

    /** A licence is valid through the last day of its validity, expired from the day after. */
    public static LicenceStanding of(LicenceStatus status, LocalDate validityEnd, LocalDate today) {
        return switch (status) {
            case DELETED -> DELETED;
            case WRITTEN_OFF -> WRITTEN_OFF;
            case RETURNED -> RETURNED;
            case EXPIRED -> EXPIRED;
            case ISSUED -> today.isAfter(validityEnd) ? EXPIRED : VALID;
        };
    }
}
