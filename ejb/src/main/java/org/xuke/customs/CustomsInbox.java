package org.xuke.customs;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.xuke.customs.CustomsMessage.Action;
import org.xuke.customs.CustomsMessage.Receipt;
import org.xuke.customs.CustomsMessage.Usage;
import org.xuke.customs.CustomsMessage.UsageLine;
import org.xuke.customs.CustomsMessageException.Reason;
import org.xuke.licence.Licence;
import org.xuke.licence.LicenceLine;
import org.xuke.licence.LicenceService;
import org.xuke.licence.LicenceStatus;
import org.xuke.platform.SchemaMigration;

/**
 * The way in from customs: one receipt or usage message, applied in one transaction, or refused
 * with its reason (the caller then puts it on the dead-letter queue). Idempotent by message id: a
 * message applied once changes nothing the second time and is counted as a duplicate; a refused
 * one may be replayed after the cause is fixed. Every check comes before the first change.
 */
@Stateless
public class CustomsInbox {

    /** What became of a message: APPLIED, DUPLICATE, or DEAD with the reason and detail. */
    public record Outcome(String result, String messageId, String licenceNumber, Reason reason, String detail) {

        static Outcome applied(CustomsMessage message, String licence) {
            return new Outcome(InboundMessage.APPLIED, message.messageId().toString(), licence, null, null);
        }

        public boolean dead() {
            return InboundMessage.DEAD.equals(result);
        }
    }

    @PersistenceContext
    private EntityManager em;

    @EJB
    private SchemaMigration schema;

    @Inject
    private LicenceService licences;

    @Inject
    private Clock clock;

    @Inject
    private Event<CustomsEvent> events;

    public Outcome receive(byte[] body) {
        CustomsMessage message;
        try {
            message = CustomsXml.read(body);
        } catch (CustomsMessageException e) {
            return new Outcome(InboundMessage.DEAD, null, null, e.reason(), e.getMessage());
        }
        return apply(message);
    }

    /**
     * A message read already (from the queue, or a line of a declarations file, {@link DeclarationsFile}),
     * applied or refused the same way.
     */
    public Outcome apply(CustomsMessage message) {
        String licenceNumber = message instanceof Receipt r ? r.licenceNumber()
                : message instanceof Usage u ? u.licenceNumber() : null;
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        String id = message.messageId().toString();
        // claimed first, insert-if-absent: the same message taken by two consumers at once waits here for the
        // first one's transaction and then finds it applied (both inserting failed one of them on the key)
        em.createNativeQuery(schema.dialect().insertIfAbsent("customs_inbound", "message_id",
                "message_id, kind, licence_number, received_at_utc, result, duplicates, declaration_date",
                "?, ?, ?, ?, ?, 0, cast(? as date)"))
                .setParameter(1, id).setParameter(2, kind(message)).setParameter(3, licenceNumber)
                .setParameter(4, now).setParameter(5, InboundMessage.RECEIVED)
                .setParameter(6, message instanceof Usage u ? u.declarationDate() : null).executeUpdate();
        InboundMessage seen = em.find(InboundMessage.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (seen.isApplied()) {
            seen.duplicate();
            return new Outcome("DUPLICATE", seen.getMessageId(), licenceNumber, null, null);
        }
        try {
            if (!DeploymentName.id().equals(message.deployment())) {
                throw new CustomsMessageException(Reason.OTHER_DEPLOYMENT, "for " + message.deployment()
                        + ", this is " + DeploymentName.id());
            }
            if (message instanceof Receipt receipt) {
                applyReceipt(receipt, now);
            } else if (message instanceof Usage usage) {
                applyUsage(usage, now);
            } else {
                throw new CustomsMessageException(Reason.SCHEMA, "a licence message is not sent by customs");
            }
        } catch (CustomsMessageException e) {
            seen.dead(now, e.reason().name(), e.getMessage());
            return new Outcome(InboundMessage.DEAD, seen.getMessageId(), licenceNumber, e.reason(), e.getMessage());
        }
        seen.applied(now);
        return Outcome.applied(message, licenceNumber);
    }

    private static String kind(CustomsMessage message) {
        return message instanceof Receipt ? "RECEIPT" : message instanceof Usage ? "USAGE" : "LICENCE";
    }

    /** 海关入库成功 / 海关入库失败 / 数据中心处理失败 for the version last sent; an older version's receipt is only kept. */
    private void applyReceipt(Receipt receipt, LocalDateTime now) throws CustomsMessageException {
        List<OutboxMessage> sent = em.createQuery("select m from OutboxMessage m where m.messageId = :id",
                OutboxMessage.class).setParameter("id", receipt.inReplyTo().toString()).getResultList();
        if (sent.isEmpty()) {
            throw new CustomsMessageException(Reason.UNKNOWN_MESSAGE, "no licence message " + receipt.inReplyTo());
        }
        OutboxMessage answered = sent.get(0);
        if (!answered.getLicenceNumber().equals(receipt.licenceNumber())
                || answered.getLicenceVersion() != receipt.version()) {
            throw new CustomsMessageException(Reason.UNKNOWN_MESSAGE, "message " + receipt.inReplyTo() + " was "
                    + answered.getLicenceNumber() + " version " + answered.getLicenceVersion() + ", not "
                    + receipt.licenceNumber() + " version " + receipt.version());
        }
        CustomsLicence standing = em.find(CustomsLicence.class, answered.getLicenceId(),
                LockModeType.PESSIMISTIC_WRITE);
        standing.receipt(receipt.version(), answered.getAction() == Action.CANCEL, receipt.accepted(), receipt.reasonCode(), receipt.reasonText(), now);
        if (answered.getAction() != Action.CANCEL) {
            events.fire(new CustomsEvent(receipt.accepted() ? CustomsEvent.Kind.ACCEPTED : CustomsEvent.Kind.REFUSED,
                    answered.getLicenceId(), answered.getLicenceNumber(),
                    receipt.reasonText() != null && !receipt.reasonText().isBlank() ? receipt.reasonText()
                            : receipt.reasonCode()));
        }
    }

    private void applyUsage(Usage usage, LocalDateTime now) throws CustomsMessageException {
        Licence licence = licences.byNumber(usage.licenceNumber()).orElseThrow(() -> new CustomsMessageException(
                Reason.UNKNOWN_LICENCE, "no licence " + usage.licenceNumber() + " in this deployment"));
        CustomsLicence standing = em.find(CustomsLicence.class, licence.getId(), LockModeType.PESSIMISTIC_WRITE);
        // the status read again under the lock a deletion or write-off takes too: usage and an end are ordered
        LicenceStatus status = em.createQuery("select l.status from Licence l where l.id = :id", LicenceStatus.class)
                .setParameter("id", licence.getId()).getSingleResult();
        if (status.isEnded()) {
            throw new CustomsMessageException(Reason.LICENCE_ENDED, usage.licenceNumber() + " is " + status
                    + " in this deployment: no usage is taken");
        }
        if (standing == null || !standing.acceptedByCustoms()) {
            throw new CustomsMessageException(Reason.NOT_ACCEPTED, usage.licenceNumber() + " is "
                    + (standing == null ? "not sent" : standing.getStatus()) + " at customs");
        }
        Set<Integer> lines = licence.getLines().stream().map(LicenceLine::getLineNumber).collect(Collectors.toSet());
        for (UsageLine line : usage.lines()) {
            if (!lines.contains(line.lineNumber())) {
                throw new CustomsMessageException(Reason.UNKNOWN_LINE, usage.licenceNumber() + " has no line "
                        + line.lineNumber());
            }
        }
        Declaration declaration = em.find(Declaration.class,
                new Declaration.Key(usage.declarationNumber(), licence.getId()));
        if (declaration == null) {
            em.persist(new Declaration(usage.declarationNumber(), licence.getId(), usage.port(),
                    usage.declarationDate(), usage.state(), now).declaredBy(usage.declarantUscc()));
            em.flush();
        } else {
            declaration.reported(usage.state(), now);
            declaration.declaredBy(usage.declarantUscc());
        }
        for (UsageLine line : usage.lines()) {
            if (em.find(DeclarationLine.class, new DeclarationLine.Key(usage.declarationNumber(), licence.getId(),
                    line.lineNumber())) == null) {
                em.persist(new DeclarationLine(usage.declarationNumber(), licence.getId(), line.lineNumber(),
                        line.quantity()));
            }
            LineUsage used = em.find(LineUsage.class, new LineUsage.Key(licence.getId(), line.lineNumber()));
            if (used == null) {
                em.persist(new LineUsage(licence.getId(), line.lineNumber(), line.cumulativeQuantity(), now));
            } else {
                used.reported(line.cumulativeQuantity(), now);
            }
        }
        standing.declared(now);
        if (declaration == null) {
            // the first report of a declaration is news to the holder; its later states (cleared) are not
            events.fire(new CustomsEvent(CustomsEvent.Kind.USAGE_RECORDED, licence.getId(), licence.getNumber(),
                    usage.declarationNumber()));
        }
    }
}
