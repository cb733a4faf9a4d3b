package org.xuke.customs;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.xuke.catalog.CatalogService;
import org.xuke.catalog.IssuingAuthority;
import org.xuke.customs.CustomsMessage.Action;
import org.xuke.customs.CustomsMessage.GoodsLine;
import org.xuke.customs.CustomsMessage.LicenceData;
import org.xuke.customs.CustomsMessage.LicenceMessage;
import org.xuke.enterprise.Enterprise;
import org.xuke.enterprise.EnterpriseService;
import org.xuke.licence.Licence;
import org.xuke.licence.LicenceEvent;
import org.xuke.platform.Zones;

/**
 * The way out to customs: each change of a licence becomes one licence message in the outbox,
 * written in the transaction of the change (it observes {@link LicenceEvent} synchronously, so a
 * rolled-back change leaves no message), with the licence's next version. The
 * {@link CustomsDispatcher} sends it once the transaction has committed.
 */
@Stateless
public class CustomsOutbox {

    /** Looked up once: {@code Json.createReader} searches the class path for a provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @PersistenceContext
    private EntityManager em;

    @Inject
    private EnterpriseService enterprises;

    @Inject
    private CatalogService catalogs;

    @Inject
    private Clock clock;

    @Inject
    private Event<OutboxWritten> written;

    /** An issued licence goes to customs as an INSERT; a deleted or written-off one as a CANCEL. */
    public void licenceChanged(@Observes LicenceEvent event) {
        Action action = switch (event.kind()) {
            case ISSUED -> Action.INSERT;
            case DELETED, WRITTEN_OFF, RETURNED -> Action.CANCEL;
            default -> null;
        };
        if (action == null) {
            return;
        }
        Licence licence = em.find(Licence.class, event.licenceId());
        if (licence == null) {
            throw new IllegalStateException("licence not found: " + event.number());
        }
        write(licence, action);
    }

    /** 重新发送 (the officer's): the licence again, as the next version, in the caller's transaction. */
    public void resend(Licence licence) {
        write(licence, licence.getStatus().isEnded() ? Action.CANCEL : Action.INSERT);
    }

    private void write(Licence licence, Action action) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        CustomsLicence standing = em.find(CustomsLicence.class, licence.getId(), LockModeType.PESSIMISTIC_WRITE);
        if (standing == null) {
            standing = new CustomsLicence(licence.getId(), licence.getNumber(), now);
            em.persist(standing);
        }
        int version = standing.nextVersion(now);
        UUID id = UUID.randomUUID();
        LicenceMessage message = new LicenceMessage(id, DeploymentName.id(), clock.instant(), action,
                data(licence, version));
        em.persist(new OutboxMessage(id, licence.getId(), licence.getNumber(), version, action,
                CustomsXml.write(message), now));
        // now, not at commit: a clash of versions fails the change itself, with its own message
        em.flush();
        written.fire(new OutboxWritten(licence.getNumber()));
    }

    private LicenceData data(Licence licence, int version) {
        Enterprise holder = enterprises.find(licence.getEnterpriseId())
                .orElseThrow(() -> new IllegalStateException("holder of " + licence.getNumber() + " not found"));
        IssuingAuthority authority = catalogs.findAuthority(licence.getAuthorityCode());
        String currency = currency(licence.canonicalContent());
        List<GoodsLine> goods = licence.getLines().stream().map(l -> new GoodsLine(l.getLineNumber(),
                l.getCommodityCode(), l.getUnitCode(), l.getQuantity(), l.getAmount(), currency)).toList();
        return new LicenceData(licence.getNumber(), version, String.valueOf(licence.getKind().customsCode()),
                holder.getUscc().value(), holder.getName(), licence.getAuthorityCode(),
                authority == null ? licence.getAuthorityCode() : authority.getNameZh(),
                licence.getIssuedAtUtc().atOffset(ZoneOffset.UTC).atZoneSameInstant(Zones.CHINA).toLocalDate(),
                licence.getValidityEnd(), licence.isOneBatch(), licence.getUsesAllowed(), licence.getPortCode(),
                goods, licence.canonicalContent(), licence.getSeal());
    }

    /** The licence's currency, as its sealed content states it (every licence kind's form has one). */
    private static String currency(byte[] content) {
        try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(content))) {
            JsonObject document = reader.readObject();
            return document.getString("currencyCode", "502");
        }
    }

    /** Fired in the writing transaction; heard after it commits, to send at once. */
    public record OutboxWritten(String licenceNumber) {
    }
}
