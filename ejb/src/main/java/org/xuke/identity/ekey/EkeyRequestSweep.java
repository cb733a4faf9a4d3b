package org.xuke.identity.ekey;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Logger;

/** Every night: drafts and returned e-key requests whose applicant did not answer in time expire. */
@Singleton
public class EkeyRequestSweep {

    private static final Logger LOG = Logger.getLogger(EkeyRequestSweep.class.getName());

    @Inject
    private EkeyRequestService requests;

    @Inject
    private Clock clock;

    @Schedule(hour = "2", minute = "30", persistent = false, info = "e-key request expiry")
    void nightly() {
        int expired = requests.expireStale(clock.instant());
        if (expired > 0) {
            LOG.info(() -> expired + " e-key requests expired");
        }
    }
}
