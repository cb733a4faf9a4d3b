package org.xuke.licence;

/** What the public verification page shows: {@link LicenceStatus} with expiry applied on a given day. */
public enum LicenceStanding {
    VALID, EXPIRED, DELETED, WRITTEN_OFF
}
