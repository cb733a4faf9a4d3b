package org.xuke.application;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.xuke.licence.LicenceEvent;

/**
 * What the application side does when the licence context reports on a licence issued from it
 * (in the same transaction): a paper copy recorded by an officer moves the application to
 * 已打印申请表, as printing the form does.
 */
@Dependent
class LicenceNews {

    @PersistenceContext(unitName = "xuke")
    private EntityManager em;

    void printed(@Observes LicenceEvent event) {
        if (event.kind() != LicenceEvent.Kind.PRINTED) {
            return;
        }
        ExportApplication application = em.find(ExportApplication.class, event.applicationId());
        if (application != null && application.isFormPrintable()) {
            application.markFormPrinted();
        }
    }
}
