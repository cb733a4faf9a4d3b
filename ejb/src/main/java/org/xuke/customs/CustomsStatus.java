package org.xuke.customs;

/** Where a licence stands at customs (海关状态), as the seeds name the six. */
public enum CustomsStatus {
    /** 暂未到达海关: written to the outbox or sent, no receipt yet. */
    NOT_ARRIVED,
    /** 发往海关失败: the broker refused the message; the dispatcher keeps trying. */
    SEND_FAILED,
    /** 海关入库成功: customs accepted the licence; goods may be declared. */
    STORED,
    /** 海关入库失败: customs refused the licence, with its reason. */
    REJECTED,
    /** 数据中心处理失败: customs' data centre failed on it. */
    DATA_CENTRE_FAILED,
    /** 报关单核注: a declaration has been written off against it. */
    DECLARED,
    /** 海关已注销: customs accepted the cancellation of a deleted or written-off licence. */
    CANCELLED
}
