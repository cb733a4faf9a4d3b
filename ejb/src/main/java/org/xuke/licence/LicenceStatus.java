package org.xuke.licence;

/**
 * A licence's stored standing: issued; expired (the daily expiry run records what the date already
 * says, so that its unused quota is settled once); or ended by the authority through a deletion
 * (删证, an unused licence), a write-off (核销, a used one) or a change (换证: returned, 退证). An ended licence is cancelled at
 * customs, takes no more usage and is not printed.
 */
public enum LicenceStatus {
    ISSUED, EXPIRED, DELETED, WRITTEN_OFF,
    /** 退证: replaced by the licence issued on a change (换证). */
    RETURNED;

    /** Deleted, written off or returned on a change: cancelled at customs, refused for usage and printing. */
    public boolean isEnded() {
        return this == DELETED || this == WRITTEN_OFF || this == RETURNED;
    }
}
