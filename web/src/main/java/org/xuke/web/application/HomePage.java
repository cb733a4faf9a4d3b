package org.xuke.web.application;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.xuke.application.ExportApplicationService;
import org.xuke.application.ExportApplicationService.Dashboard;
import org.xuke.closure.ClosureService;
import java.util.Map;

/** The home page of both portals: what waits for the signed-in user, each figure a link to its list. */
@Named
@RequestScoped
public class HomePage {

    @Inject
    private ExportApplicationService applications;

    @Inject
    private ClosureService closures;

    private Dashboard dashboard;
    private Map<String, Long> requests;

    public Dashboard getDashboard() {
        if (dashboard == null) {
            dashboard = applications.dashboardForCaller();
        }
        return dashboard;
    }

    /** Deletion and write-off requests by {@code KIND.STATE}, for the tiles. */
    public long requests(String kindAndState) {
        if (requests == null) {
            requests = closures.countsForCaller();
        }
        return requests.getOrDefault(kindAndState, 0L);
    }

    public int getExpiryWarningDays() {
        return ExportApplicationService.EXPIRY_WARNING_DAYS;
    }
}
