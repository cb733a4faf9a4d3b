package org.xuke.identity.ekey;

/** The papers of seed 004 that an applicant uploads as scans, each stamped with the company seal. */
public enum ScanKind {
    /** 进出口企业电子钥匙与电子认证证书申请表 */
    APPLICATION_FORM,
    /** 电子签章申请确认函 */
    SEAL_CONFIRMATION,
    /** 对外贸易经营者备案登记表或外商投资企业批准证书复印件 */
    TRADE_FILING,
    /** 营业执照副本复印件 */
    BUSINESS_LICENCE,
    /** 企业授权人的身份证复印件 */
    AUTHORISED_PERSON_ID,
    /** 企业授权人的授权委托书 */
    AUTHORISATION_LETTER,
    /** 工商局开具的变更信息证明文件 (information change only) */
    CHANGE_CERTIFICATE
}
