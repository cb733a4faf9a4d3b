package org.xuke.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The 6-digit serial of the enterprise's application numbers in a year, in one atomic statement.
 * PostgreSQL's {@code insert ... on conflict ... returning}: the one place the Oracle port
 * rewrites (as a {@code merge} and a locked read). Only inside the submitting transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class ApplicationSerials {

    @PersistenceContext(unitName = "xuke")
    private EntityManager em;

    public long next(long enterpriseId, int year) {
        return ((Number) em.createNativeQuery("insert into application_serial (enterprise_id, serial_year, last_value) "
                + "values (?1, ?2, 1) on conflict (enterprise_id, serial_year) do update set last_value = "
                + "application_serial.last_value + 1 returning last_value").setParameter(1, enterpriseId)
                .setParameter(2, year).getSingleResult()).longValue();
    }
}
