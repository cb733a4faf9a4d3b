package org.xuke.customs;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** What was declared against licences (核注, 核销), from {@code jms/xuke/customs/Usage}. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "jms/xuke/customs/Usage"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "connectionFactoryLookup",
                propertyValue = "jms/xuke/ConnectionFactory")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class UsageListener implements MessageListener {

    @Inject
    private CustomsInbox inbox;

    @Inject
    private DeadLetters deadLetters;

    @Override
    public void onMessage(Message message) {
        CustomsListener.take(message, "Usage", inbox, deadLetters);
    }
}
