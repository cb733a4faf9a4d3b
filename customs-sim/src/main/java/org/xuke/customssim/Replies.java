package org.xuke.customssim;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;

/** Customs' side of the queues: receipts and usage to the portal. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Replies {

    @Resource(lookup = "jms/xuke/ConnectionFactory")
    private ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/xuke/customs/Receipts")
    private Queue receipts;

    @Resource(lookup = "jms/xuke/customs/Usage")
    private Queue usage;

    public void receipt(byte[] xml) {
        send(receipts, xml);
    }

    public void usage(byte[] xml) {
        send(usage, xml);
    }

    private void send(Queue queue, byte[] xml) {
        try (JMSContext jms = connectionFactory.createContext()) {
            jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(queue, xml);
        }
    }
}
