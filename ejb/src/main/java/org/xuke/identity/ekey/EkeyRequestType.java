package org.xuke.identity.ekey;

/** The e-key processes of seed 004. */
public enum EkeyRequestType {
    /** 首次申领: the enterprise's first e-key. */
    FIRST_APPLICATION,
    /** 补办: a lost or damaged key, same user name. */
    REISSUE,
    /** 增办: one more key, a new user name (at most 3 valid per enterprise). */
    ADDITIONAL,
    /** 更新: renew the certificates before they expire. */
    RENEWAL,
    /** 解锁 */
    UNLOCK,
    /** 信息变更: 13-digit enterprise code to 18-character USCC. */
    INFORMATION_CHANGE,
    /** 注销 */
    REVOCATION
}
