package org.xuke.identity.ekey;

import static org.xuke.identity.ekey.ScanKind.APPLICATION_FORM;
import static org.xuke.identity.ekey.ScanKind.AUTHORISATION_LETTER;
import static org.xuke.identity.ekey.ScanKind.AUTHORISED_PERSON_ID;
import static org.xuke.identity.ekey.ScanKind.BUSINESS_LICENCE;
import static org.xuke.identity.ekey.ScanKind.CHANGE_CERTIFICATE;
import static org.xuke.identity.ekey.ScanKind.SEAL_CONFIRMATION;
import static org.xuke.identity.ekey.ScanKind.TRADE_FILING;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The e-key processes of seed 004, with the papers each one needs (the seed's 申请材料 lists) and
 * whether it ends with a new e-key for the holder to collect.
 */
public enum EkeyRequestType {
    /** 首次申领: the enterprise's first e-key. */
    FIRST_APPLICATION(true, APPLICATION_FORM, SEAL_CONFIRMATION, TRADE_FILING, BUSINESS_LICENCE, AUTHORISED_PERSON_ID,
            AUTHORISATION_LETTER),
    /** 补办: a lost or damaged key, same user name. */
    REISSUE(true, APPLICATION_FORM, TRADE_FILING, BUSINESS_LICENCE, AUTHORISED_PERSON_ID, AUTHORISATION_LETTER),
    /** 增办: one more key, a new user name (at most 3 valid per enterprise). */
    ADDITIONAL(true, APPLICATION_FORM, SEAL_CONFIRMATION, TRADE_FILING, BUSINESS_LICENCE, AUTHORISED_PERSON_ID,
            AUTHORISATION_LETTER),
    /** 更新: renew the certificates before they expire. */
    RENEWAL(true, APPLICATION_FORM, SEAL_CONFIRMATION, AUTHORISED_PERSON_ID, AUTHORISATION_LETTER),
    /** 解锁 */
    UNLOCK(false, APPLICATION_FORM),
    /** 信息变更: 13-digit enterprise code to 18-character USCC. */
    INFORMATION_CHANGE(true, APPLICATION_FORM, CHANGE_CERTIFICATE, SEAL_CONFIRMATION, TRADE_FILING, BUSINESS_LICENCE,
            AUTHORISED_PERSON_ID, AUTHORISATION_LETTER),
    /** 注销 */
    REVOCATION(false, APPLICATION_FORM);

    private final boolean issuesKey;
    private final Set<ScanKind> requiredScans;

    EkeyRequestType(boolean issuesKey, ScanKind first, ScanKind... rest) {
        this.issuesKey = issuesKey;
        this.requiredScans = Collections.unmodifiableSet(EnumSet.of(first, rest));
    }

    /** Whether the request ends with a new e-key (PKCS#12) that the applicant collects once. */
    public boolean issuesKey() {
        return issuesKey;
    }

    public Set<ScanKind> requiredScans() {
        return requiredScans;
    }
}
