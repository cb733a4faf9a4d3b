package org.xuke.notification;

import java.util.Arrays;
import java.util.List;

/**
 * What a notice says, and to whom such notices go: the enterprise's users (decisions on their
 * records, customs' answers, licences ending) or the officers (work in their queue, work near its
 * working-day limit). A user subscribes to e-mail or SMS by kind.
 */
public enum NoticeKind {
    /** 初审通过 */
    APPLICATION_PASSED(Side.ENTERPRISE),
    /** 复审通过 */
    APPLICATION_APPROVED(Side.ENTERPRISE),
    /** 初审退回 */
    APPLICATION_RETURNED(Side.ENTERPRISE),
    /** 复审不通过 */
    APPLICATION_REJECTED(Side.ENTERPRISE),
    /** 已发证 */
    APPLICATION_ISSUED(Side.ENTERPRISE),
    /** 同意 / 不同意撤销 */
    WITHDRAWAL_DECIDED(Side.ENTERPRISE),
    /** 海关入库成功 */
    CUSTOMS_ACCEPTED(Side.ENTERPRISE),
    /** 海关入库失败 */
    CUSTOMS_REFUSED(Side.ENTERPRISE),
    /** a declaration's usage recorded on a licence */
    USAGE_RECORDED(Side.ENTERPRISE),
    /** a deletion or write-off request approved or returned */
    CLOSURE_DECIDED(Side.ENTERPRISE),
    /** an e-key request's check passed or failed */
    EKEY_DECIDED(Side.ENTERPRISE),
    /** a valid licence ending within 30 days */
    LICENCE_EXPIRING(Side.ENTERPRISE),
    /** new work in the officer's queue */
    WORK_NEW(Side.OFFICER),
    /** work near or past its working-day limit */
    WORK_DUE(Side.OFFICER);

    public enum Side { ENTERPRISE, OFFICER }

    public enum Channel { EMAIL, SMS }

    private final Side side;

    NoticeKind(Side side) {
        this.side = side;
    }

    public Side side() {
        return side;
    }

    public static List<NoticeKind> of(Side side) {
        return Arrays.stream(values()).filter(k -> k.side == side).toList();
    }
}
