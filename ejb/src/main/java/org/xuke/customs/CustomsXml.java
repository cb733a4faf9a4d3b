package org.xuke.customs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xuke.customs.CustomsMessage.Action;
import org.xuke.customs.CustomsMessage.DeclarationState;
import org.xuke.customs.CustomsMessage.GoodsLine;
import org.xuke.customs.CustomsMessage.LicenceData;
import org.xuke.customs.CustomsMessage.LicenceMessage;
import org.xuke.customs.CustomsMessage.Receipt;
import org.xuke.customs.CustomsMessage.Usage;
import org.xuke.customs.CustomsMessage.UsageLine;
import org.xuke.customs.CustomsMessageException.Reason;

/**
 * Customs messages to and from XML (schema customs-messages-1.xsd). Reading is hardened: a size
 * limit before parsing; no DOCTYPE at all (so no external entity, no entity expansion, no DTD
 * fetched); XInclude off; secure processing on; the schema itself may load nothing external.
 * Everything read is validated against the schema before a field is looked at. Thread-safe.
 */
public final class CustomsXml {

    /** The largest message read: a licence of 99 goods lines with its seal is about 40 KiB. */
    public static final int MAX_BYTES = 256 * 1024;
    public static final String NAMESPACE = "urn:xuke:customs:1";
    public static final String SCHEMA_RESOURCE = "/org/xuke/customs/customs-messages-1.xsd";

    private static final Schema SCHEMA = loadSchema();

    private CustomsXml() {
    }

    /** Reads and validates one message, or says why it cannot be taken. */
    public static CustomsMessage read(byte[] xml) throws CustomsMessageException {
        if (xml == null || xml.length == 0) {
            throw new CustomsMessageException(Reason.NOT_WELL_FORMED, "empty message");
        }
        if (xml.length > MAX_BYTES) {
            throw new CustomsMessageException(Reason.TOO_LARGE, xml.length + " bytes, at most " + MAX_BYTES);
        }
        Document document = parse(xml);
        validate(document);
        Element root = document.getDocumentElement();
        return switch (root.getLocalName()) {
            case "LicenceMessage" -> licenceMessage(root);
            case "Receipt" -> receipt(root);
            case "Usage" -> usage(root);
            default -> throw new CustomsMessageException(Reason.SCHEMA, "unknown message " + root.getLocalName());
        };
    }

    /** Writes one message as UTF-8 XML in the schema's namespace. */
    public static byte[] write(CustomsMessage message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            XMLStreamWriter w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            if (message instanceof LicenceMessage m) {
                writeLicenceMessage(w, m);
            } else if (message instanceof Receipt r) {
                writeReceipt(w, r);
            } else {
                writeUsage(w, (Usage) message);
            }
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write a customs message", e);
        }
        return out.toByteArray();
    }

    // ---- reading

    private static Document parse(byte[] xml) throws CustomsMessageException {
        try {
            // the JDK's own parser, named: a service look-up on every message cost more than the parse
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(STRICT);
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            String detail = "line " + e.getLineNumber() + ": " + e.getMessage();
            throw new CustomsMessageException(e.getMessage() != null && e.getMessage().contains("DOCTYPE")
                    ? Reason.DOCTYPE : Reason.NOT_WELL_FORMED, detail);
        } catch (SAXException | IOException e) {
            throw new CustomsMessageException(Reason.NOT_WELL_FORMED, String.valueOf(e.getMessage()));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser lacks a security feature", e);
        }
    }

    private static void validate(Document document) throws CustomsMessageException {
        Validator validator = SCHEMA.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(STRICT);
            validator.validate(new DOMSource(document));
        } catch (SAXParseException e) {
            throw new CustomsMessageException(Reason.SCHEMA, e.getMessage());
        } catch (SAXException | IOException e) {
            throw new CustomsMessageException(Reason.SCHEMA, String.valueOf(e.getMessage()));
        }
    }

    private static LicenceMessage licenceMessage(Element root) {
        Element l = child(root, "Licence");
        Element holder = child(l, "Holder");
        Element authority = child(l, "Authority");
        List<GoodsLine> goods = new ArrayList<>();
        for (Element line : children(child(l, "Goods"), "Line")) {
            goods.add(new GoodsLine(Integer.parseInt(text(line, "LineNumber")), text(line, "CommodityCode"),
                    text(line, "Unit"), new BigDecimal(text(line, "Quantity")), new BigDecimal(text(line, "Amount")),
                    text(line, "Currency")));
        }
        LicenceData data = new LicenceData(text(l, "Number"), Integer.parseInt(text(l, "Version")),
                text(l, "DocumentCode"), text(holder, "Uscc"), text(holder, "Name"), text(authority, "Code"),
                text(authority, "Name"), LocalDate.parse(text(l, "ValidFrom")), LocalDate.parse(text(l, "ValidTo")),
                Boolean.parseBoolean(text(l, "OneBatch")) || "1".equals(text(l, "OneBatch")),
                Integer.parseInt(text(l, "UsesAllowed")), text(l, "Port"), List.copyOf(goods),
                base64(text(l, "SealedContent")), base64(text(l, "Seal")));
        return new LicenceMessage(UUID.fromString(text(root, "MessageId")), text(root, "Deployment"),
                instant(text(root, "SentAt")), Action.valueOf(text(root, "Action")), data);
    }

    private static Receipt receipt(Element root) {
        Element reason = optionalChild(root, "Reason");
        return new Receipt(UUID.fromString(text(root, "MessageId")), text(root, "Deployment"),
                UUID.fromString(text(root, "InReplyTo")), text(root, "LicenceNumber"),
                Integer.parseInt(text(root, "Version")), "ACCEPTED".equals(text(root, "Outcome")),
                reason == null ? null : text(reason, "Code"), reason == null ? null : text(reason, "Text"),
                instant(text(root, "ReceivedAt")));
    }

    private static Usage usage(Element root) {
        List<UsageLine> lines = new ArrayList<>();
        for (Element line : children(root, "Line")) {
            lines.add(new UsageLine(Integer.parseInt(text(line, "LineNumber")), new BigDecimal(text(line, "Quantity")),
                    new BigDecimal(text(line, "CumulativeQuantity"))));
        }
        return new Usage(UUID.fromString(text(root, "MessageId")), text(root, "Deployment"),
                text(root, "DeclarationNumber"), text(root, "LicenceNumber"), text(root, "Port"),
                LocalDate.parse(text(root, "DeclarationDate")), DeclarationState.valueOf(text(root, "State")),
                List.copyOf(lines), optionalChild(root, "Declarant") == null ? null
                        : optionalChild(root, "Declarant").getTextContent().strip());
    }

    private static Element child(Element parent, String name) {
        Element found = optionalChild(parent, name);
        if (found == null) {
            throw new IllegalStateException("validated message without " + name);
        }
        return found;
    }

    private static Element optionalChild(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        return child(parent, name).getTextContent().strip();
    }

    private static byte[] base64(String text) {
        return Base64.getMimeDecoder().decode(text);
    }

    private static Instant instant(String dateTime) {
        // the schema's xs:dateTime may leave the offset out: such a time is China time
        return dateTime.matches(".*(Z|[+-]\\d{2}:\\d{2})$") ? OffsetDateTime.parse(dateTime).toInstant()
                : LocalDateTime.parse(dateTime).toInstant(ZoneOffset.ofHours(8));
    }

    // ---- writing

    private static void writeLicenceMessage(XMLStreamWriter w, LicenceMessage m) throws XMLStreamException {
        start(w, "LicenceMessage");
        element(w, "MessageId", m.messageId().toString());
        element(w, "Deployment", m.deployment());
        element(w, "SentAt", m.sentAt().toString());
        element(w, "Action", m.action().name());
        LicenceData l = m.licence();
        w.writeStartElement(NAMESPACE, "Licence");
        element(w, "Number", l.number());
        element(w, "Version", String.valueOf(l.version()));
        element(w, "DocumentCode", l.documentCode());
        w.writeStartElement(NAMESPACE, "Holder");
        element(w, "Uscc", l.holderUscc());
        element(w, "Name", l.holderName());
        w.writeEndElement();
        w.writeStartElement(NAMESPACE, "Authority");
        element(w, "Code", l.authorityCode());
        element(w, "Name", l.authorityName());
        w.writeEndElement();
        element(w, "ValidFrom", l.validFrom().toString());
        element(w, "ValidTo", l.validTo().toString());
        element(w, "OneBatch", String.valueOf(l.oneBatch()));
        element(w, "UsesAllowed", String.valueOf(l.usesAllowed()));
        element(w, "Port", l.port());
        w.writeStartElement(NAMESPACE, "Goods");
        for (GoodsLine line : l.goods()) {
            w.writeStartElement(NAMESPACE, "Line");
            element(w, "LineNumber", String.valueOf(line.lineNumber()));
            element(w, "CommodityCode", line.commodityCode());
            element(w, "Unit", line.unit());
            element(w, "Quantity", line.quantity().toPlainString());
            element(w, "Amount", line.amount().toPlainString());
            element(w, "Currency", line.currency());
            w.writeEndElement();
        }
        w.writeEndElement();
        element(w, "SealedContent", Base64.getEncoder().encodeToString(l.sealedContent()));
        element(w, "Seal", Base64.getEncoder().encodeToString(l.seal()));
        w.writeEndElement();
        w.writeEndElement();
    }

    private static void writeReceipt(XMLStreamWriter w, Receipt r) throws XMLStreamException {
        start(w, "Receipt");
        element(w, "MessageId", r.messageId().toString());
        element(w, "Deployment", r.deployment());
        element(w, "InReplyTo", r.inReplyTo().toString());
        element(w, "LicenceNumber", r.licenceNumber());
        element(w, "Version", String.valueOf(r.version()));
        element(w, "Outcome", r.accepted() ? "ACCEPTED" : "REJECTED");
        if (r.reasonCode() != null) {
            w.writeStartElement(NAMESPACE, "Reason");
            element(w, "Code", r.reasonCode());
            element(w, "Text", r.reasonText() == null ? "" : r.reasonText());
            w.writeEndElement();
        }
        element(w, "ReceivedAt", r.receivedAt().toString());
        w.writeEndElement();
    }

    private static void writeUsage(XMLStreamWriter w, Usage u) throws XMLStreamException {
        start(w, "Usage");
        element(w, "MessageId", u.messageId().toString());
        element(w, "Deployment", u.deployment());
        element(w, "DeclarationNumber", u.declarationNumber());
        element(w, "LicenceNumber", u.licenceNumber());
        element(w, "Port", u.port());
        element(w, "DeclarationDate", u.declarationDate().toString());
        element(w, "State", u.state().name());
        if (u.declarantUscc() != null) {
            element(w, "Declarant", u.declarantUscc());
        }
        for (UsageLine line : u.lines()) {
            w.writeStartElement(NAMESPACE, "Line");
            element(w, "LineNumber", String.valueOf(line.lineNumber()));
            element(w, "Quantity", line.quantity().toPlainString());
            element(w, "CumulativeQuantity", line.cumulativeQuantity().toPlainString());
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static void start(XMLStreamWriter w, String root) throws XMLStreamException {
        w.setDefaultNamespace(NAMESPACE);
        w.writeStartElement(NAMESPACE, root);
        w.writeDefaultNamespace(NAMESPACE);
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(NAMESPACE, name);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    private static final ErrorHandler STRICT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // warnings do not refuse a message
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private static Schema loadSchema() {
        try {
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            URL schema = CustomsXml.class.getResource(SCHEMA_RESOURCE);
            return factory.newSchema(schema);
        } catch (SAXException e) {
            throw new IllegalStateException("customs-messages-1.xsd does not load", e);
        }
    }
}
