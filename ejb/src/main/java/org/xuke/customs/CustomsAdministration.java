package org.xuke.customs;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.xuke.account.Account;
import org.xuke.account.Callers;
import org.xuke.account.Role;
import org.xuke.audit.AuditEntry;
import org.xuke.audit.AuditLog;
import org.xuke.licence.Licence;
import org.xuke.licence.LicenceService;
import org.xuke.platform.DomainRuleException;

/**
 * What officers do when a message did not get through: resend a licence customs refused or never
 * got (a new version of its licence message, through the outbox), and look at the dead-letter
 * queue with each message's reason and replay one to its queue after the cause is fixed. Both
 * audited; resending is the issuer's or the authority administrator's, within the licence scope;
 * the dead-letter queue (messages of any licence, or of none) is the system administrator's.
 */
@Stateless
public class CustomsAdministration {

    /** The statuses a licence may be resent from. */
    public static final Set<CustomsStatus> RESENDABLE = EnumSet.of(CustomsStatus.REJECTED,
            CustomsStatus.DATA_CENTRE_FAILED, CustomsStatus.SEND_FAILED);

    /** One message on the dead-letter queue. */
    public record DeadLetter(String jmsId, Instant at, String source, String reason, String detail,
            String messageId, String licenceNumber) implements Serializable {
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private LicenceService licences;

    @Inject
    private CustomsOutbox outbox;

    @Inject
    private Callers callers;

    @Inject
    private AuditLog audit;

    @Resource(lookup = "jms/xuke/ConnectionFactory")
    private ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/xuke/DeadLetter")
    private Queue deadLetter;

    @Inject
    private DeadLetterMover mover;

    /** 重新发送: the licence goes to customs again as a new version, once the refusal's cause is fixed. */
    public void resend(String number) {
        Account caller = callers.require();
        if (!caller.hasRole(Role.ISSUER) && !caller.hasRole(Role.AUTHORITY_ADMIN)) {
            throw new DomainRuleException("access.denied");
        }
        Licence licence = licences.readable(number);
        CustomsLicence standing = em.find(CustomsLicence.class, licence.getId(), LockModeType.PESSIMISTIC_WRITE);
        if (standing == null || !RESENDABLE.contains(standing.getStatus())) {
            throw new DomainRuleException("customs.notResendable", number,
                    standing == null ? "-" : standing.getStatus().name());
        }
        String before = standing.getStatus() + (standing.getReasonCode() == null ? "" : " " + standing.getReasonCode());
        outbox.resend(licence);
        audit.record(AuditEntry.of(caller.getUsername(), "CUSTOMS_RESENT", "licence", number)
                .withDetails("was=" + before + ";version=" + standing.getLastVersion()));
    }

    /** The dead-letter queue, newest last, at most {@code max} messages. */
    public List<DeadLetter> deadLetters(int max) {
        requireSystemAdministrator();
        List<DeadLetter> found = new ArrayList<>();
        try (JMSContext jms = connectionFactory.createContext()) {
            QueueBrowser browser = jms.createBrowser(deadLetter);
            for (Object each : Collections.list(browser.getEnumeration())) {
                if (found.size() >= max) {
                    break;
                }
                Message m = (Message) each;
                found.add(new DeadLetter(m.getJMSMessageID(), Instant.ofEpochMilli(m.getJMSTimestamp()),
                        m.getStringProperty("xukeSource"), m.getStringProperty("xukeReason"),
                        m.getStringProperty("xukeDetail"), m.getStringProperty("xukeMessageId"),
                        m.getStringProperty("xukeLicenceNumber")));
            }
        } catch (JMSException e) {
            throw new IllegalStateException("the dead-letter queue cannot be read", e);
        }
        return found;
    }

    /**
     * 重放: takes the message off the dead-letter queue and puts its body back on its queue (both in
     * one transaction of the broker alone, {@link DeadLetterMover}), then audits it.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void replay(String jmsId) {
        Account caller = requireSystemAdministrator();
        if (jmsId == null || !jmsId.matches("ID:[A-Za-z0-9.:_()-]{1,160}")) {
            throw new DomainRuleException("customs.noSuchDeadLetter", String.valueOf(jmsId));
        }
        String[] moved = mover.move(jmsId);
        String source = moved[0];
        String reason = moved[1];
        audit.record(AuditEntry.of(caller.getUsername(), "CUSTOMS_REPLAYED", "dead-letter", jmsId)
                .withDetails("source=" + source + ";reason=" + reason));
    }

    private Account requireSystemAdministrator() {
        Account caller = callers.require();
        if (!caller.hasRole(Role.SYSTEM_ADMIN)) {
            throw new DomainRuleException("access.denied");
        }
        return caller;
    }
}
