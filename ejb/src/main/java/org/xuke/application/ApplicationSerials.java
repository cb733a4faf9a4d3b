package org.xuke.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.xuke.platform.SchemaMigration;

/**
 * The 6-digit serial of the enterprise's application numbers in a year: the row is locked by the
 * increment until the submitting transaction ends, so two submissions never get the same serial and a
 * rolled-back one gives its serial back. Only inside the submitting transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class ApplicationSerials {

    @PersistenceContext(unitName = "xuke")
    private EntityManager em;

    @EJB
    private SchemaMigration schema;

    public long next(long enterpriseId, int year) {
        // the year's first creates the row; the increment locks it until the submission ends
        em.createNativeQuery(schema.dialect().insertIfAbsent("application_serial", "enterprise_id, serial_year",
                "enterprise_id, serial_year, last_value", "?1, ?2, 0")).setParameter(1, enterpriseId)
                .setParameter(2, year).executeUpdate();
        em.createNativeQuery("update application_serial set last_value = last_value + 1 where enterprise_id = ?1 "
                + "and serial_year = ?2").setParameter(1, enterpriseId).setParameter(2, year).executeUpdate();
        return ((Number) em.createNativeQuery("select last_value from application_serial where enterprise_id = ?1 "
                + "and serial_year = ?2").setParameter(1, enterpriseId).setParameter(2, year).getSingleResult())
                .longValue();
    }
}
