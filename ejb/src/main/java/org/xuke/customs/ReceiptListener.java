package org.xuke.customs;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** Customs' receipts (海关入库成功 / 失败), from {@code jms/xuke/customs/Receipts}. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "jms/xuke/customs/Receipts"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "connectionFactoryLookup",
                propertyValue = "jms/xuke/ConnectionFactory")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReceiptListener implements MessageListener {

    @Inject
    private CustomsInbox inbox;

    @Inject
    private DeadLetters deadLetters;

    @Override
    public void onMessage(Message message) {
        CustomsListener.take(message, "Receipts", inbox, deadLetters);
    }
}
