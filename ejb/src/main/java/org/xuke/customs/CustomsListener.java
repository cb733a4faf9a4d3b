package org.xuke.customs;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;
import org.xuke.customs.CustomsInbox.Outcome;
import org.xuke.customs.CustomsMessageException.Reason;

/**
 * What both message-driven beans do with a message from customs: take its bytes, let the inbox
 * apply it in a transaction of its own, and put a refused one on the dead-letter queue with the
 * reason. A bad message never stops the consumer; only a failure of the database or the broker
 * throws, and the broker delivers the message again.
 */
final class CustomsListener {

    private static final Logger LOG = Logger.getLogger(CustomsListener.class.getName());

    private CustomsListener() {
    }

    static void take(Message message, String source, CustomsInbox inbox, DeadLetters deadLetters) {
        byte[] body;
        try {
            body = body(message);
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read a message from " + source, e);
        }
        Outcome outcome = body == null
                ? new Outcome(InboundMessage.DEAD, null, null, Reason.NOT_WELL_FORMED, "neither bytes nor text")
                : inbox.receive(body);
        if (outcome.dead()) {
            LOG.warning(() -> "customs message to the dead-letter queue: " + outcome.reason() + " " + outcome.detail());
            deadLetters.send(body == null ? new byte[0] : body, source, outcome);
        }
    }

    private static byte[] body(Message message) throws JMSException {
        if (message instanceof BytesMessage bytes) {
            byte[] body = new byte[(int) Math.min(bytes.getBodyLength(), Integer.MAX_VALUE - 8)];
            bytes.readBytes(body);
            return body;
        }
        if (message instanceof TextMessage text) {
            return text.getText() == null ? new byte[0] : text.getText().getBytes(StandardCharsets.UTF_8);
        }
        return null;
    }
}
