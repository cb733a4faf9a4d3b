package org.xuke.it;

import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.util.Arrays;
import java.util.Collections;

/** The in-container tests' side of customs' queues: put a message on one, find a refused one on the dead-letter queue. */
final class CustomsQueues {

    private CustomsQueues() {
    }

    static void send(ConnectionFactory factory, Queue queue, byte[] body) {
        try (JMSContext jms = factory.createContext()) {
            jms.createProducer().send(queue, body);
        }
    }

    /**
     * Waits (up to 10 s) for the message with this body on the dead-letter queue; its reason, or
     * "not on the dead-letter queue". A message there always keeps the detail of its refusal.
     */
    static String deadReason(ConnectionFactory factory, Queue deadLetter, byte[] body) throws Exception {
        for (int i = 0; i < 100; i++) {
            try (JMSContext jms = factory.createContext()) {
                QueueBrowser browser = jms.createBrowser(deadLetter);
                for (Object each : Collections.list(browser.getEnumeration())) {
                    BytesMessage message = (BytesMessage) each;
                    byte[] held = new byte[(int) message.getBodyLength()];
                    message.readBytes(held);
                    if (Arrays.equals(held, body)) {
                        if (message.getStringProperty("xukeDetail") == null) {
                            return "without its detail";
                        }
                        return message.getStringProperty("xukeReason");
                    }
                }
            }
            Thread.sleep(100);
        }
        return "not on the dead-letter queue";
    }
}
