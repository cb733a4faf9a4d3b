package org.xuke.web.customs;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.xuke.customs.CustomsQueries;
import org.xuke.customs.CustomsQueries.Standing;

/**
 * 报关余量 and 使用情况 of a licence on the pages that show it (the application record once issued,
 * the public verification page), read once per request.
 */
@Named
@RequestScoped
public class CustomsStandingView {

    @Inject
    private CustomsQueries queries;

    private final Map<String, Optional<Standing>> read = new HashMap<>();

    /** For a signed-in reader of the licence (its scope checked by the licence context). */
    public Standing of(String number) {
        return number == null ? null : read.computeIfAbsent(number, queries::standingForCaller).orElse(null);
    }

    /** For the public verification page: only with the licence's verification code. */
    public Standing verified(String number, String code) {
        return number == null || code == null ? null
                : read.computeIfAbsent(number + "/" + code, k -> queries.standingOfVerified(number, code)).orElse(null);
    }
}
