package org.xuke.customs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xuke.customs.CustomsMessage.Action;
import org.xuke.customs.CustomsMessage.DeclarationState;
import org.xuke.customs.CustomsMessage.GoodsLine;
import org.xuke.customs.CustomsMessage.LicenceData;
import org.xuke.customs.CustomsMessage.LicenceMessage;
import org.xuke.customs.CustomsMessage.Receipt;
import org.xuke.customs.CustomsMessage.Usage;
import org.xuke.customs.CustomsMessage.UsageLine;
import org.xuke.customs.CustomsMessageException.Reason;

class CustomsXmlTest {

    private static final UUID ID = UUID.fromString("3f1c2a9e-1d2b-4c5d-8e9f-0a1b2c3d4e5f");

    static LicenceMessage licence() {
        return new LicenceMessage(ID, "LN-TEST", Instant.parse("2026-12-05T02:00:00Z"), Action.INSERT,
                new LicenceData("26LN000123", 1, "4", "91210102MA0XUKE05E", "辽宁测试进出口有限公司 & <Co>",
                        "LN", "辽宁省商务厅", LocalDate.of(2026, 12, 5), LocalDate.of(2026, 12, 31), false, 12, "0901",
                        List.of(new GoodsLine(1, "8112921000", "035", new BigDecimal("1500.5"),
                                new BigDecimal("18756.25"), "502")),
                        "{\"licence\":\"26LN000123\"}".getBytes(StandardCharsets.UTF_8), new byte[] {1, 2, 3, 4}));
    }

    static Usage usage(String quantity, String cumulative) {
        return new Usage(ID, "LN-TEST", "090120261000000123", "26LN000123", "0901", LocalDate.of(2026, 12, 6),
                DeclarationState.RELEASED, List.of(new UsageLine(1, new BigDecimal(quantity),
                        new BigDecimal(cumulative))));
    }

    private static String xml(CustomsMessage message) {
        return new String(CustomsXml.write(message), StandardCharsets.UTF_8);
    }

    private static Reason refused(String xml) {
        return assertThrows(CustomsMessageException.class,
                () -> CustomsXml.read(xml.getBytes(StandardCharsets.UTF_8))).reason();
    }

    @Test
    void eachMessageReadsBackAsWritten() throws Exception {
        LicenceMessage licence = licence();
        LicenceMessage read = (LicenceMessage) CustomsXml.read(CustomsXml.write(licence));
        assertEquals(licence.licence().holderName(), read.licence().holderName(), "markup in a name is escaped");
        assertEquals(licence.licence().goods(), read.licence().goods());
        assertArrayEquals(licence.licence().seal(), read.licence().seal());
        assertEquals(licence.sentAt(), read.sentAt());

        Receipt refusal = new Receipt(UUID.randomUUID(), "LN-TEST", ID, "26LN000123", 1, false, "PORT_UNKNOWN",
                "口岸 0901 不在海关参数中", Instant.parse("2026-12-05T02:00:01Z"));
        assertEquals(refusal, CustomsXml.read(CustomsXml.write(refusal)));

        Usage usage = usage("200", "700.25");
        assertEquals(usage, CustomsXml.read(CustomsXml.write(usage)));
        Usage declared = new Usage(ID, "LN-TEST", "090120261000000123", "26LN000123", "0901", LocalDate.of(2026, 12, 6),
                DeclarationState.RELEASED, usage.lines(), "91210100MA0Y000001");
        assertEquals(declared, CustomsXml.read(CustomsXml.write(declared)), "the optional declarant");
        assertEquals(Reason.SCHEMA, refused(xml(declared).replace("91210100MA0Y000001", "not-a-uscc")));
    }

    @Test
    void anExternalEntityIsNeverResolved(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "SECRET");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + xml(usage("1", "1")).replaceFirst("<\\?xml[^>]*>", "").replace("0901</Port>", "&x;</Port>");
        CustomsMessageException e = assertThrows(CustomsMessageException.class,
                () -> CustomsXml.read(xxe.getBytes(StandardCharsets.UTF_8)));
        assertEquals(Reason.DOCTYPE, e.reason());
        assertFalse(e.getMessage().contains("SECRET"));
    }

    @Test
    void entityExpansionIsRefusedBeforeAnyExpansion() {
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i < 10; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";")
                    .repeat(10)).append("\">");
        }
        laughs.append("]><Usage xmlns=\"urn:xuke:customs:1\">&lol9;</Usage>");
        assertEquals(Reason.DOCTYPE, refused(laughs.toString()));
    }

    @Test
    void anXIncludeIsNotFollowedAndBreaksTheSchema() {
        String include = xml(usage("1", "1")).replace("<Port>0901</Port>",
                "<Port><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file:///etc/hostname\""
                        + " parse=\"text\"/></Port>");
        assertEquals(Reason.SCHEMA, refused(include));
    }

    @Test
    void malformedAndOversizeMessagesSayWhy() {
        assertEquals(Reason.NOT_WELL_FORMED, refused("<Usage xmlns=\"urn:xuke:customs:1\"><MessageId>"));
        assertEquals(Reason.NOT_WELL_FORMED, refused("not xml at all"));
        assertEquals(Reason.NOT_WELL_FORMED, refused(""));
        String big = xml(usage("1", "1")).replace("</Usage>", "<!--" + "x".repeat(CustomsXml.MAX_BYTES) + "--></Usage>");
        assertEquals(Reason.TOO_LARGE, refused(big));
    }

    @Test
    void quantitiesMustBeNumbersAndNeverNegative() {
        String good = xml(usage("200", "700"));
        assertEquals(Reason.SCHEMA, refused(good.replace("<Quantity>200</Quantity>", "<Quantity>-5</Quantity>")));
        assertEquals(Reason.SCHEMA, refused(good.replace("<Quantity>200</Quantity>", "<Quantity>abc</Quantity>")));
        assertEquals(Reason.SCHEMA, refused(good.replace("<Quantity>200</Quantity>", "<Quantity>1e3</Quantity>")));
        assertEquals(Reason.SCHEMA, refused(good.replace("<CumulativeQuantity>700</CumulativeQuantity>",
                "<CumulativeQuantity>0.123456</CumulativeQuantity>")));
    }

    @Test
    void numbersAndCodesHaveTheirShapes() {
        String good = xml(usage("200", "700"));
        assertEquals(Reason.SCHEMA, refused(good.replace("090120261000000123", "09012026100000012")),
                "a declaration number has 18 digits");
        assertEquals(Reason.SCHEMA, refused(good.replace("26LN000123", "26LN00012")), "a licence number has 10");
        assertEquals(Reason.SCHEMA, refused(good.replace("urn:xuke:customs:1", "urn:other")), "its namespace");
        assertEquals(Reason.SCHEMA, refused(good.replace("RELEASED", "LOST")));
        assertTrue(xml(licence()).contains("<DocumentCode>4</DocumentCode>"));
    }
}
