package org.xuke.closure;

/** What an enterprise asks of its licence after issue (seed 001 section 三, 许可证退换). */
public enum ClosureKind {
    /** 删证: an unused, still valid licence is deleted; its whole quota comes back. */
    DELETION,
    /** 核销: a licence used and cleared at customs is written off; its unused quota comes back. */
    WRITE_OFF
}
