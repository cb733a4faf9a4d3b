package org.xuke.licence;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.xuke.platform.SchemaMigration;

/**
 * Gives out licence numbers, gap-free per authority code and year: the sequence row is locked
 * until the issuing transaction ends, so concurrent issues wait for each other and a rolled-back
 * issue leaves no hole. Only inside the caller's transaction (the issue itself).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class LicenceNumbers {

    @PersistenceContext(unitName = "xuke")
    private EntityManager em;

    @EJB
    private SchemaMigration schema;

    public LicenceNumber next(String licenceCode, int year) {
        // validate the code before touching the table
        LicenceNumber.of(year, licenceCode, 1);
        // the first number of a year creates the row; a concurrent creator is simply ignored
        em.createNativeQuery(schema.dialect().insertIfAbsent("licence_sequence", "licence_code, licence_year",
                "licence_code, licence_year, last_value", "?1, ?2, 0")).setParameter(1, licenceCode).setParameter(2, year)
                .executeUpdate();
        LicenceSequence sequence = em.find(LicenceSequence.class, new LicenceSequence.Key(licenceCode, year),
                LockModeType.PESSIMISTIC_WRITE);
        return sequence.next();
    }
}
