package org.xuke.customs;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xuke.customs.CustomsMessage.DeclarationState;

/**
 * What customs reported of one licence, for the contexts above that decide on it (删证 needs none,
 * 核销 needs it cleared, expiry gives back the rest): they have checked their caller. The locked
 * form takes the row lock usage messages take, so a decision and a usage arriving at once are
 * ordered, never both applied on what the other has not seen.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class CustomsUsage {

    /** Customs' word on a licence: its status there (null: never sent), declarations, and per line the cumulative use. */
    public record Usage(CustomsStatus status, int declarations, int uncleared, Map<Integer, BigDecimal> usedByLine,
            String lastDeclaration) implements Serializable {

        public boolean used() {
            return declarations > 0 || usedByLine.values().stream().anyMatch(q -> q.signum() > 0);
        }

        /** Declared against and every declaration cleared (核销 by customs). */
        public boolean cleared() {
            return declarations > 0 && uncleared == 0;
        }

        public BigDecimal used(int line) {
            return usedByLine.getOrDefault(line, BigDecimal.ZERO);
        }

        public BigDecimal totalUsed() {
            return usedByLine.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    @PersistenceContext
    private EntityManager em;

    /** As it stands now, without locking (a form reading the licence in). */
    public Usage of(long licenceId) {
        return read(licenceId, em.find(CustomsLicence.class, licenceId));
    }

    /** Under the licence's customs row lock, held to the end of the caller's transaction (a decision). */
    public Usage locked(long licenceId) {
        CustomsLicence standing = em.find(CustomsLicence.class, licenceId, LockModeType.PESSIMISTIC_WRITE);
        if (standing != null) {
            em.refresh(standing);
        }
        return read(licenceId, standing);
    }

    private Usage read(long licenceId, CustomsLicence standing) {
        Map<Integer, BigDecimal> used = new HashMap<>();
        for (Object[] row : em.createQuery("select u.lineNumber, u.cumulativeQuantity from LineUsage u "
                + "where u.licenceId = :l", Object[].class).setParameter("l", licenceId).getResultList()) {
            used.put((Integer) row[0], (BigDecimal) row[1]);
        }
        List<Object[]> declarations = em.createQuery("select d.declarationNumber, d.state from Declaration d "
                + "where d.licenceId = :l order by d.declarationDate desc, d.declarationNumber desc", Object[].class)
                .setParameter("l", licenceId).getResultList();
        int uncleared = (int) declarations.stream().filter(d -> d[1] != DeclarationState.CLEARED).count();
        return new Usage(standing == null ? null : standing.getStatus(), declarations.size(), uncleared, used,
                declarations.isEmpty() ? null : (String) declarations.get(0)[0]);
    }
}
