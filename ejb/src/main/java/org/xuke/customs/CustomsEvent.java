package org.xuke.customs;

import java.io.Serializable;

/**
 * Upward news from customs (DESIGN.md): a licence accepted or refused at customs, a declaration's
 * usage recorded; fired in the transaction that applied the message, so a message refused or rolled
 * back tells nobody anything.
 */
public record CustomsEvent(Kind kind, long licenceId, String licenceNumber, String detail) implements Serializable {

    public enum Kind {
        /** 海关入库成功 for the licence's last version. */
        ACCEPTED,
        /** 海关入库失败 / 数据中心处理失败, with customs' reason. */
        REFUSED,
        /** A declaration's usage taken on the licence (the detail names the declaration). */
        USAGE_RECORDED
    }
}
