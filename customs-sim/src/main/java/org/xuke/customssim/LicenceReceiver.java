package org.xuke.customssim;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.BytesMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Customs receiving licences: each licence message stored once (by its message id), answered
 * with one receipt; a repeat whose receipt already went gets none, one whose receipt did not go
 * (the server died between) gets the same receipt again.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "jms/xuke/customs/LicenceOut"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "connectionFactoryLookup",
                propertyValue = "jms/xuke/ConnectionFactory")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LicenceReceiver implements MessageListener {

    private static final Logger LOG = Logger.getLogger(LicenceReceiver.class.getName());

    @Inject
    private SimStore store;

    @Inject
    private Replies replies;

    @Override
    public void onMessage(Message message) {
        SimXml.Licence licence;
        try {
            BytesMessage bytes = (BytesMessage) message;
            byte[] body = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(body);
            licence = SimXml.readLicence(body);
        } catch (Exception e) {
            // customs cannot answer what it cannot read: logged, dropped (the portal sees no receipt)
            LOG.log(Level.WARNING, "unreadable licence message", e);
            return;
        }
        try {
            SimStore.Decision decision = store.take(licence);
            if (decision.receiptSent()) {
                return;
            }
            replies.receipt(SimXml.receipt(decision.receiptId(), decision.deployment(), licence.messageId(),
                    decision.number(), decision.version(), decision.refusalCode(), decision.refusalText()));
            store.receiptSent(licence.messageId());
        } catch (SQLException e) {
            throw new IllegalStateException("the simulator's database", e);
        }
    }
}
