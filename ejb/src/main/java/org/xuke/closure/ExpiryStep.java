package org.xuke.closure;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.xuke.customs.CustomsUsage;
import org.xuke.licence.AuthoritySettings;
import org.xuke.licence.Licence;
import org.xuke.licence.LicenceEnding;
import org.xuke.licence.LicenceStatus;
import org.xuke.quota.QuotaService;

/** One licence's expiry in a transaction of its own, so that one failure does not undo the others. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ExpiryStep {

    static final String SYSTEM = "system";

    @Inject
    private LicenceEnding ending;

    @Inject
    private CustomsUsage customs;

    @Inject
    private QuotaService quota;

    @Inject
    private AuthoritySettings settings;

    public List<Long> due(LocalDate today, int max) {
        return ending.dueToExpire(today, max);
    }

    /** Expires it unless another run or a decision got there first; gives back its unused quota if the authority says so. */
    public boolean expire(long licenceId, LocalDate today) {
        Licence licence = ending.locked(licenceId);
        if (licence == null || licence.getStatus() != LicenceStatus.ISSUED || !today.isAfter(licence.getValidityEnd())) {
            return false;
        }
        ending.end(licence, LicenceStatus.EXPIRED, "expiry-" + today, SYSTEM);
        if (settings.quotaReturnsOnExpiry(licence.getAuthorityCode())) {
            BigDecimal used = customs.of(licenceId).totalUsed();
            quota.settle(licence.getNumber(), used, "EXPIRED", SYSTEM);
        }
        return true;
    }
}
