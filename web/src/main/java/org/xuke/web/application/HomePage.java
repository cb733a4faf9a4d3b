package org.xuke.web.application;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.xuke.application.ExportApplicationService;
import org.xuke.application.ExportApplicationService.Dashboard;

/** The home page of both portals: what waits for the signed-in user, each figure a link to its list. */
@Named
@RequestScoped
public class HomePage {

    @Inject
    private ExportApplicationService applications;

    private Dashboard dashboard;

    public Dashboard getDashboard() {
        if (dashboard == null) {
            dashboard = applications.dashboardForCaller();
        }
        return dashboard;
    }

    public int getExpiryWarningDays() {
        return ExportApplicationService.EXPIRY_WARNING_DAYS;
    }
}
