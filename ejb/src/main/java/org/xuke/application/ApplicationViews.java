package org.xuke.application;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.xuke.catalog.CatalogService;
import org.xuke.catalog.Commodity;
import org.xuke.enterprise.Enterprise;
import org.xuke.licence.Licence;
import org.xuke.licence.LicenceService;

/**
 * An application as pages and printed forms show it (form, enterprise, commodity, history, licence
 * once issued). No access check here: callers check first (the service's caller scope, or the
 * printing job that checked when it was started and runs with no caller).
 */
@Dependent
public class ApplicationViews {

    @PersistenceContext(unitName = "xuke")
    private EntityManager em;

    @Inject
    private CatalogService catalogs;

    @Inject
    private LicenceService licences;

    public ExportApplicationService.View of(ExportApplication application) {
        Licence licence = application.getState() == ApplicationState.ISSUED
                ? licences.ofApplication(application.getId()).orElse(null) : null;
        return new ExportApplicationService.View(application, application.form(),
                em.find(Enterprise.class, application.getEnterpriseId()),
                commodity(application.getYear(), application.getCommodityCode()), List.copyOf(application.getSteps()),
                licence);
    }

    /** The catalogue entry of a form's commodity code (null while the code is blank). */
    public Commodity commodity(int year, String code) {
        return code == null || code.isBlank() ? null : catalogs.findCommodity(year, code.strip());
    }

    public ExportApplicationService.View of(long applicationId) {
        return of(em.find(ExportApplication.class, applicationId));
    }
}
