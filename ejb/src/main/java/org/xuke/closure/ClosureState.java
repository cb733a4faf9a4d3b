package org.xuke.closure;

/** Where a deletion or write-off request stands (seed 001: 待上报, 退回, 待审核, 审核通过). */
public enum ClosureState {
    /** 待上报: saved by the enterprise, not yet submitted. */
    DRAFT,
    /** 待审核: submitted, waiting for the authority. */
    PENDING,
    /** 退回: returned by the authority with its opinion; may be modified and submitted again. */
    RETURNED,
    /** 审核通过: the licence is deleted or written off. */
    APPROVED;

    /** The enterprise may change it, delete it, submit it (删除/核销申请表管理). */
    public boolean isWithEnterprise() {
        return this == DRAFT || this == RETURNED;
    }
}
