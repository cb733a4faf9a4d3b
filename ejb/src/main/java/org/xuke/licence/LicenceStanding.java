package org.xuke.licence;

import java.time.LocalDate;

/**
 * What the public verification page and the licence lists show: {@link LicenceStatus} with expiry
 * applied on a given day.
 */
public enum LicenceStanding {
    VALID, EXPIRED, DELETED, WRITTEN_OFF;

    /** The stored status this standing comes from (valid and expired are both issued). */
    public LicenceStatus status() {
        return switch (this) {
            case VALID, EXPIRED -> LicenceStatus.ISSUED;
            case DELETED -> LicenceStatus.DELETED;
            case WRITTEN_OFF -> LicenceStatus.WRITTEN_OFF;
        };
    }

    /** A licence is valid through the last day of its validity, expired from the day after. */
    public static LicenceStanding of(LicenceStatus status, LocalDate validityEnd, LocalDate today) {
        return switch (status) {
            case DELETED -> DELETED;
            case WRITTEN_OFF -> WRITTEN_OFF;
            case ISSUED -> today.isAfter(validityEnd) ? EXPIRED : VALID;
        };
    }
}
