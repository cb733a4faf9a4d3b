package org.xuke.customs;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import org.xuke.customs.CustomsInbox.Outcome;

/**
 * The dead-letter queue: a message xuke could not take, its body unchanged (to replay after the
 * cause is fixed), with the reason and detail as properties (docs/CUSTOMS-MESSAGES.md).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeadLetters {

    @Resource(lookup = "jms/xuke/ConnectionFactory")
    private ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/xuke/DeadLetter")
    private Queue deadLetter;

    public void send(byte[] body, String source, Outcome outcome) {
        try (JMSContext jms = connectionFactory.createContext()) {
            BytesMessage message = jms.createBytesMessage();
            message.writeBytes(body);
            message.setStringProperty("xukeSource", source);
            message.setStringProperty("xukeReason", outcome.reason().name());
            String detail = outcome.detail() == null ? "" : outcome.detail();
            message.setStringProperty("xukeDetail", detail.length() > 500 ? detail.substring(0, 500) : detail);
            if (outcome.messageId() != null) {
                message.setStringProperty("xukeMessageId", outcome.messageId());
            }
            if (outcome.licenceNumber() != null) {
                message.setStringProperty("xukeLicenceNumber", outcome.licenceNumber());
            }
            jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(deadLetter, message);
        } catch (JMSException e) {
            throw new IllegalStateException("the dead-letter queue refused a message", e);
        }
    }
}
