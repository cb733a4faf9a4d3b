package org.xuke.statistics;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.ZoneOffset;
import org.xuke.licence.Licence;
import org.xuke.licence.LicenceEvent;
import org.xuke.platform.Zones;

/**
 * Keeps the reporting model current: a licence issued gets its {@link LicenceFact} in the issuing
 * transaction (DESIGN.md: upward news as CDI events), so a statistic never lags the licences and a
 * rolled-back issue leaves no figure behind. A licence that ends later keeps its row: its status is
 * read from the licence when a statistic is asked. A session bean, like customs' outbox, so that its
 * persistence context is its own wherever the event is fired from; written once per licence however
 * often the event comes.
 */
@Stateless
public class FactWriter {

    @PersistenceContext(unitName = "xuke")
    private EntityManager em;

    public void issued(@Observes LicenceEvent event) {
        if (event.kind() != LicenceEvent.Kind.ISSUED) {
            return;
        }
        Licence licence = em.find(Licence.class, event.licenceId());
        em.flush();
        em.createNativeQuery("insert into licence_fact (licence_id, issued_on, trade_mode_code, country_code,"
                + " consignor_code) select l.id, ?, a.trade_mode_code, a.country_code, a.consignor_code"
                + " from licence l join export_application a on a.id = l.application_id where l.id = ?"
                + " and not exists (select 1 from licence_fact f where f.licence_id = l.id)")
                .setParameter(1, licence.getIssuedAtUtc().atOffset(ZoneOffset.UTC).atZoneSameInstant(Zones.CHINA)
                        .toLocalDate())
                .setParameter(2, licence.getId()).executeUpdate();
    }
}
