package org.xuke.application;

/** Where a licence application stands (seed 001, 003; DOMAIN.md). */
public enum ApplicationState {
    /** 暂存 / 未上报 */
    DRAFT,
    /** 待初审 */
    PENDING_INITIAL_REVIEW,
    /** 初审不通过（退回） */
    RETURNED,
    /** 待撤销: the enterprise asked to withdraw it while pending initial review; the initial reviewer decides */
    PENDING_WITHDRAWAL,
    /** 已撤销: withdrawal agreed by the authority; may be modified and resubmitted */
    WITHDRAWN,
    /** 待复审 */
    PENDING_SECOND_REVIEW,
    /** 复审未通过 */
    REJECTED,
    /** 复审通过 */
    APPROVED,
    /** 已发证 */
    ISSUED;

    /** The enterprise may change the content (same number) and seal it again. */
    public boolean isEditable() {
        return this == DRAFT || this == RETURNED || this == WITHDRAWN;
    }

    /** The enterprise may delete it (with confirmation). */
    public boolean isDeletable() {
        return this == DRAFT || this == RETURNED;
    }
}
