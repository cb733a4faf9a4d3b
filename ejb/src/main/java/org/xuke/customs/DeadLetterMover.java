package org.xuke.customs;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import org.xuke.platform.DomainRuleException;

/**
 * Moves one message from the dead-letter queue back to its queue in a container transaction
 * that holds only the broker: taken and put back together, or neither (a JMS context in a Jakarta
 * EE container cannot run a local transaction of its own).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DeadLetterMover {

    @Resource(lookup = "jms/xuke/ConnectionFactory")
    private ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/xuke/DeadLetter")
    private Queue deadLetter;

    @Resource(lookup = "jms/xuke/customs/Receipts")
    private Queue receipts;

    @Resource(lookup = "jms/xuke/customs/Usage")
    private Queue usage;

    /** The message's source queue and reason, once it is back on that queue. */
    public String[] move(String jmsId) {
        try (JMSContext jms = connectionFactory.createContext()) {
            Message taken;
            try (JMSConsumer consumer = jms.createConsumer(deadLetter, "JMSMessageID = '" + jmsId + "'")) {
                taken = consumer.receive(2000);
            }
            if (!(taken instanceof BytesMessage bytes)) {
                throw new DomainRuleException("customs.noSuchDeadLetter", jmsId);
            }
            String source = bytes.getStringProperty("xukeSource");
            byte[] body = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(body);
            jms.createProducer().send("Usage".equals(source) ? usage : receipts, body);
            return new String[] {source, bytes.getStringProperty("xukeReason")};
        } catch (JMSException e) {
            throw new IllegalStateException("the dead-letter queue cannot be replayed", e);
        }
    }
}
