package org.xuke.customs;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A message between xuke and customs (docs/CUSTOMS-MESSAGES.md, schema customs-messages-1.xsd):
 * licence data out, receipts and usage in. Each carries its own id (the key of idempotence) and
 * the deployment it belongs to.
 */
public sealed interface CustomsMessage extends Serializable
        permits CustomsMessage.LicenceMessage, CustomsMessage.Receipt, CustomsMessage.Usage {

    UUID messageId();

    String deployment();

    enum Action { INSERT, UPDATE, CANCEL }

    /** 核注 when the goods are released, 核销 at clearance. */
    enum DeclarationState { RELEASED, CLEARED }

    /** A licence, as issued, changed or cancelled, to customs. */
    record LicenceMessage(UUID messageId, String deployment, Instant sentAt, Action action, LicenceData licence)
            implements CustomsMessage {
    }

    record LicenceData(String number, int version, String documentCode, String holderUscc, String holderName,
            String authorityCode, String authorityName, LocalDate validFrom, LocalDate validTo, boolean oneBatch,
            int usesAllowed, String port, List<GoodsLine> goods, byte[] sealedContent, byte[] seal)
            implements Serializable {
    }

    record GoodsLine(int lineNumber, String commodityCode, String unit, BigDecimal quantity, BigDecimal amount,
            String currency) implements Serializable {
    }

    /** Customs' answer to one licence message: stored (accepted) or refused with a reason. */
    record Receipt(UUID messageId, String deployment, UUID inReplyTo, String licenceNumber, int version,
            boolean accepted, String reasonCode, String reasonText, Instant receivedAt) implements CustomsMessage {
    }

    /** What one declaration used of a licence, line by line, with customs' cumulative figure per line. */
    /** {@code declarantUscc}: who declared, where customs says (optional in the message). */
    record Usage(UUID messageId, String deployment, String declarationNumber, String licenceNumber, String port,
            LocalDate declarationDate, DeclarationState state, List<UsageLine> lines, String declarantUscc)
            implements CustomsMessage {

        /** A usage that does not name its declarant. */
        public Usage(UUID messageId, String deployment, String declarationNumber, String licenceNumber, String port,
                LocalDate declarationDate, DeclarationState state, List<UsageLine> lines) {
            this(messageId, deployment, declarationNumber, licenceNumber, port, declarationDate, state, lines, null);
        }
    }

    record UsageLine(int lineNumber, BigDecimal quantity, BigDecimal cumulativeQuantity) implements Serializable {
    }
}
