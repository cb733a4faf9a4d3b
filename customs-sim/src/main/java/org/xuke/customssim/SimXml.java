package org.xuke.customssim;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
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

/**
 * Customs' own reading and writing of the messages: the portal's schema (the only thing shared),
 * a hardened parser, and the receipt and usage it answers with.
 */
final class SimXml {

    static final String NS = "urn:xuke:customs:1";
    private static final Schema SCHEMA = schema();

    /** What customs keeps of a licence message. */
    record Licence(String messageId, String deployment, String action, String number, int version, String port,
            boolean oneBatch, int usesAllowed, LocalDate validTo, List<Line> lines, boolean sealed, String holderUscc) {
    }

    record Line(int number, BigDecimal quantity) {
    }

    private SimXml() {
    }

    static Licence readLicence(byte[] xml) throws Exception {
        if (xml.length > 256 * 1024) {
            throw new IllegalArgumentException("too large: " + xml.length);
        }
        // the JDK's own parser, named: a service look-up on every message cost more than the parse
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        Validator validator = SCHEMA.newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        validator.validate(new DOMSource(document));
        Element root = document.getDocumentElement();
        if (!"LicenceMessage".equals(root.getLocalName())) {
            throw new IllegalArgumentException("not a licence message: " + root.getLocalName());
        }
        Element licence = child(root, "Licence");
        List<Line> lines = new ArrayList<>();
        for (Node n = child(licence, "Goods").getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element line) {
                lines.add(new Line(Integer.parseInt(text(line, "LineNumber")), new BigDecimal(text(line, "Quantity"))));
            }
        }
        return new Licence(text(root, "MessageId"), text(root, "Deployment"), text(root, "Action"),
                text(licence, "Number"), Integer.parseInt(text(licence, "Version")), text(licence, "Port"),
                Boolean.parseBoolean(text(licence, "OneBatch")), Integer.parseInt(text(licence, "UsesAllowed")),
                LocalDate.parse(text(licence, "ValidTo")), lines, !text(licence, "Seal").isEmpty(),
                text(child(licence, "Holder"), "Uscc"));
    }

    static byte[] receipt(String messageId, String deployment, String inReplyTo, String number, int version,
            String refusalCode, String refusalText) {
        return write(w -> {
            start(w, "Receipt");
            element(w, "MessageId", messageId);
            element(w, "Deployment", deployment);
            element(w, "InReplyTo", inReplyTo);
            element(w, "LicenceNumber", number);
            element(w, "Version", String.valueOf(version));
            element(w, "Outcome", refusalCode == null ? "ACCEPTED" : "REJECTED");
            if (refusalCode != null) {
                w.writeStartElement(NS, "Reason");
                element(w, "Code", refusalCode);
                element(w, "Text", refusalText);
                w.writeEndElement();
            }
            element(w, "ReceivedAt", Instant.now().toString());
            w.writeEndElement();
        });
    }

    static byte[] usage(String messageId, String deployment, String declaration, String number, String port,
            LocalDate date, String state, int line, BigDecimal quantity, BigDecimal cumulative, String declarant) {
        return write(w -> {
            start(w, "Usage");
            element(w, "MessageId", messageId);
            element(w, "Deployment", deployment);
            element(w, "DeclarationNumber", declaration);
            element(w, "LicenceNumber", number);
            element(w, "Port", port);
            element(w, "DeclarationDate", date.toString());
            element(w, "State", state);
            if (declarant != null) {
                element(w, "Declarant", declarant);
            }
            w.writeStartElement(NS, "Line");
            element(w, "LineNumber", String.valueOf(line));
            element(w, "Quantity", quantity.toPlainString());
            element(w, "CumulativeQuantity", cumulative.toPlainString());
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            body.write(w);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static void start(XMLStreamWriter w, String root) throws XMLStreamException {
        w.setDefaultNamespace(NS);
        w.writeStartElement(NS, root);
        w.writeDefaultNamespace(NS);
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(NS, name);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                return e;
            }
        }
        throw new IllegalArgumentException("no " + name);
    }

    private static String text(Element parent, String name) {
        return child(parent, name).getTextContent().strip();
    }

    private static Schema schema() {
        try {
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(SimXml.class.getResource("/customs/customs-messages-1.xsd"));
        } catch (Exception e) {
            throw new IllegalStateException("the message schema does not load", e);
        }
    }
}
