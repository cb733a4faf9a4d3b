package org.xuke.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * E-mail through the server's mail session {@code mail/xuke} (Jakarta Mail): the run command points
 * it at its embedded SMTP server, a bureau at its own relay (docs/OPERATIONS.md). Looked up when
 * sending, so a server without it deploys and its notices wait in the outbox with the reason.
 */
@ApplicationScoped
public class MailChannel {

    public static final String SESSION = "mail/xuke";

    /** Sends one delivery; throws when the server did not take it. */
    void send(Delivery delivery) throws MessagingException {
        Session session;
        try {
            session = InitialContext.doLookup(SESSION);
        } catch (NamingException e) {
            throw new MessagingException("no mail session " + SESSION + " configured on this server");
        }
        MimeMessage message = new StableIdMessage(session, "<notice-" + delivery.getId() + "." + delivery.getNotificationId()
                + "@xuke>");
        message.setFrom();
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(delivery.getAddress(), true));
        message.setSubject(delivery.getSubject(), "UTF-8");
        message.setText(delivery.getBody(), "UTF-8");
        message.setSentDate(new Date());
        Transport.send(message);
    }

    /**
     * One Message-ID per delivery: should a server die between the relay taking a mail and the
     * outbox marking it sent, the second copy carries the same id and mail systems keep one.
     */
    private static final class StableIdMessage extends MimeMessage {

        private final String id;

        StableIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
