package org.xuke.licence;

import java.io.Serializable;

/**
 * Upward news of a licence (DESIGN.md): fired as a CDI event in the transaction that made the
 * change, so observers above the licence context (customs' outbox, notifications, the
 * application's print state) act in the same transaction without the licence context knowing them.
 */
public record LicenceEvent(Kind kind, long licenceId, String number, long applicationId, String actor)
        implements Serializable {

    public enum Kind {
        /** Issued: customs receives it. */
        ISSUED,
        /** A paper copy was recorded for printing. */
        PRINTED,
        /** 删证 approved: customs cancels it. */
        DELETED,
        /** 核销 approved: customs cancels it. */
        WRITTEN_OFF,
        /** 退证: replaced on a change (换证); customs cancels it. */
        RETURNED,
        /** Recorded as expired by the daily run (customs knows the validity itself: no message). */
        EXPIRED
    }
}
