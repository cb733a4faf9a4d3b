package org.xuke.reconciliation;

/** What the reconciliation flags (DOMAIN.md "Validity and use", "After issue"), each with its evidence. */
public enum AnomalyType {
    /** 报关日期 after the licence's validity end. */
    AFTER_EXPIRY,
    /** Declared after the licence was deleted, written off or returned (or refused for it at the door). */
    AFTER_END,
    /** Usage customs sent for a licence number this deployment never issued. */
    UNKNOWN_LICENCE,
    /** A declaration beyond the balance left plus the commodity's over-shipment tolerance on that balance. */
    ABOVE_TOLERANCE,
    /** Declared at a port other than the licence's (一证一关). */
    WRONG_PORT,
    /** More declarations than the licence allows (one for 一批一证, 12 for export, 6 for automatic import). */
    TOO_MANY_USES,
    /** Declared by an enterprise other than the licence's holder (a licence is not transferable). */
    BY_ANOTHER_HOLDER,
    /** The licence's data could not be reconciled: the job skipped it and kept the reason. */
    NOT_RECONCILED
}
