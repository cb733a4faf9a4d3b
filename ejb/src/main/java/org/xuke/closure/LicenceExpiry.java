package org.xuke.closure;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.xuke.platform.Zones;

/**
 * The daily expiry run: every issued licence whose validity ended before today is recorded as
 * expired, each in a transaction of its own, and where its authority says so the quota it did not
 * use comes back. Idempotent (an expired licence is not picked again) and catching up (it takes
 * every licence past its end, however many days were missed). A non-persistent automatic timer:
 * no timer database, no timer application with a listener of its own (docs/ARCHITECTURE.md).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LicenceExpiry {

    private static final Logger LOG = Logger.getLogger(LicenceExpiry.class.getName());

    /** Licences read per round: the run never holds more ids than this. */
    private static final int ROUND = 500;

    @Inject
    private ExpiryStep step;

    @Inject
    private Clock clock;

    @Schedule(hour = "0", minute = "10", timezone = "Asia/Shanghai", persistent = false)
    void nightly() {
        try {
            int expired = expireDue(LocalDate.now(clock.withZone(Zones.CHINA)));
            LOG.info(() -> "expiry run: " + expired + " licence(s) expired");
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "expiry run failed; the next run catches up", e);
        }
    }

    /** Expires every licence due on {@code today}; the number expired. */
    public int expireDue(LocalDate today) {
        int expired = 0;
        while (true) {
            List<Long> due = step.due(today, ROUND);
            int before = expired;
            for (long id : due) {
                if (step.expire(id, today)) {
                    expired++;
                }
            }
            if (due.size() < ROUND || expired == before) {
                return expired;
            }
        }
    }
}
