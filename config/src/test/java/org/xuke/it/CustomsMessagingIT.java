package org.xuke.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Queue;
import jakarta.transaction.UserTransaction;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.net.http.HttpResponse;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xuke.account.AccountService;
import org.xuke.account.Role;
import org.xuke.customs.CustomsMessage.Action;
import org.xuke.customs.CustomsMessage.DeclarationState;
import org.xuke.customs.CustomsMessage.LicenceMessage;
import org.xuke.customs.CustomsMessage.Receipt;
import org.xuke.customs.CustomsMessage.Usage;
import org.xuke.customs.CustomsMessage.UsageLine;
import org.xuke.customs.CustomsXml;
import org.xuke.customs.DeploymentName;
import org.xuke.enterprise.EnterpriseDetails;
import org.xuke.enterprise.EnterpriseService;
import org.xuke.identity.CertificateService;
import org.xuke.licence.LicenceEvent;

/**
 * Customs messaging on the real broker. Out: issuing a licence in the officer portal writes one
 * licence message to the outbox in the issuing transaction, and the dispatcher puts exactly that
 * message on {@code jms/xuke/customs/LicenceOut} (the XML valid against the schema, the licence's
 * data and seal in it); a licence change that rolls back leaves no message. In: a receipt stores
 * the licence at customs (海关入库成功); usage before that is refused and replays after; customs'
 * cumulative figures give the right totals in any order and with repeats (counted as duplicates);
 * every kind of bad message goes to the dead-letter queue with its reason and changes nothing,
 * and the consumers keep running.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CustomsMessagingIT {

    private static final String PASSWORD = "Xk-2026-customs-16";
    private static final String USCC = "91370102MA0XUKE162";
    private static final String FORM = PortalClient.HTTPS + "/enterprise/application.xhtml";
    private static final String DECIDE = PortalClient.HTTPS + "/officer/application.xhtml?id=";
    private static final String SIMULATOR = PortalClient.HTTP + "/customs-sim/";
    /** A real port the simulator is told to refuse. */
    private static final String REFUSED_PORT = "0102";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(CustomsMessagingIT.class);
    }

    @Inject
    AccountService accounts;

    @Inject
    CertificateService certificates;

    @Inject
    EnterpriseService enterprises;

    @Inject
    Event<LicenceEvent> licenceEvents;

    @Resource(lookup = "jdbc/xuke")
    DataSource database;

    @Resource(lookup = "jms/xuke/ConnectionFactory")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/xuke/customs/Receipts")
    Queue receipts;

    @Resource(lookup = "jms/xuke/customs/Usage")
    Queue usage;

    @Resource(lookup = "jms/xuke/DeadLetter")
    Queue deadLetter;

    @Resource
    UserTransaction transaction;

    @BeforeAll
    static void makePeople() throws Exception {
        Fixtures.people(CustomsMessagingIT.class);
    }

    @People
    void enterpriseAndOfficers() throws Exception {
        long company = enterprises.register("IT", USCC, "PROV-SHANDONG", new EnterpriseDetails(
                "山东海关报文测试进出口公司", "3701020000160", "济南", "联系人", "0531-1", null)).getId();
        Fixtures.enterpriseUser(accounts, certificates, company, "HGJB", PASSWORD, true);
        Fixtures.officer(accounts, certificates, "PROV-SHANDONG", "HGCS", PASSWORD, Set.of(Role.INITIAL_REVIEWER));
        Fixtures.officer(accounts, certificates, "PROV-SHANDONG", "HGFS", PASSWORD, Set.of(Role.SECOND_REVIEWER));
        Fixtures.officer(accounts, certificates, "PROV-SHANDONG", "HGFZ", PASSWORD, Set.of(Role.ISSUER));
        Fixtures.officer(accounts, certificates, "PROV-SHANDONG", "HGJG", PASSWORD, Set.of(Role.AUTHORITY_ADMIN));
        Fixtures.systemAdministrator(accounts, certificates, "HGXT", PASSWORD);
    }

    @Test
    @Order(1)
    @RunAsClient
    void twoLicencesAreIssuedOneAtAPortCustomsRefuses() throws Exception {
        HttpResponse<String> rule = PortalClient.withoutEkey().postForm(SIMULATOR, Map.of("action", "rules",
                "rejectPorts", REFUSED_PORT));
        assertTrue(rule.body().contains("拒收口岸 " + REFUSED_PORT), rule.body());
        // a form of another site posted in a visitor's browser (it names its origin) changes nothing
        HttpResponse<String> forged = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(SIMULATOR)).header("Origin", "https://attacker.example")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("action=rules&rejectPorts=")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, forged.statusCode(), "a cross-site form is refused");
        HttpResponse<String> page = PortalClient.withoutEkey().get(SIMULATOR);
        assertTrue(page.body().contains("value=\"" + REFUSED_PORT + "\""), "the rule stands");
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"),
                "the simulator's page has a policy of its own");
        Fixtures.licenceNumberCode("HGJG", PASSWORD, "SD");
        issue(ExportApplicationIT.newApplication(Fixtures.signedIn("HGJB", PASSWORD), "8112921000", "40",
                "HT-CUSTOMS-01"));
        issue(ExportApplicationIT.newApplication(Fixtures.signedIn("HGJB", PASSWORD), "8112921000", "30",
                "HT-CUSTOMS-02", REFUSED_PORT));
    }

    private static void issue(long id) throws Exception {
        PortalClient enterprise = Fixtures.signedIn("HGJB", PASSWORD);
        enterprise.get(FORM + "?id=" + id);
        enterprise.submit(FORM + "?id=" + id, "actions", Map.of("actions:submit", ""));
        for (String[] step : new String[][] {{"HGCS", "decision:passInitial"}, {"HGFS", "decision:passSecond"}}) {
            PortalClient officer = Fixtures.signedIn(step[0], PASSWORD);
            officer.get(DECIDE + id);
            officer.submit(DECIDE + id, "decision", Map.of(step[1], ""));
        }
        PortalClient issuer = Fixtures.signedIn("HGFZ", PASSWORD);
        issuer.get(DECIDE + id);
        String issued = issuer.submit(DECIDE + id, "decision", Map.of("decision:issue", "")).body();
        assertTrue(issued.matches("(?s).*id=\"licence-number\">26SD\\d{6}<.*"), "issued");
    }

    @Test
    @Order(2)
    void theSimulatorReceivesTheLicenceOnceAndItsReceiptStoresIt() throws Exception {
        String number = licenceNumber();
        awaitStatus(number, "STORED");
        assertEquals(1, count("select count(*) from customs_sim.licence_message where licence_number = ?", number),
                "customs received one licence message");
        assertEquals(0, count("select duplicates from customs_sim.licence_message where licence_number = ?", number));
        LicenceMessage message = (LicenceMessage) CustomsXml.read(query(
                "select body from customs_outbox where licence_number = ?", number).getBytes(StandardCharsets.UTF_8));
        assertEquals(Action.INSERT, message.action());
        assertEquals(1, message.licence().version());
        assertEquals("4", message.licence().documentCode(), "the export licence's document code");
        assertEquals(USCC, message.licence().holderUscc());
        assertEquals("0901", message.licence().port());
        assertEquals(1, message.licence().goods().size());
        assertEquals(0, message.licence().goods().get(0).quantity().compareTo(new BigDecimal("40")));
        assertArrayEquals(sealedContent(number), message.licence().sealedContent(), "the content as sealed");
        assertTrue(query("select sent_at_utc from customs_outbox where licence_number = ?", number) != null,
                "marked sent");
        assertEquals(message.messageId().toString(), query("select message_id from customs_sim.licence_message where"
                + " licence_number = ?", number), "the message customs got is the one in the outbox");
    }

    @Test
    @Order(3)
    void aChangeThatRollsBackSendsNothing() throws Exception {
        String number = licenceNumber();
        long[] ids = ids(number);
        transaction.begin();
        try {
            licenceEvents.fire(new LicenceEvent(LicenceEvent.Kind.ISSUED, ids[0], number, ids[1], "HGFZ"));
            assertEquals(2, outboxRows(number), "written in the transaction of the change");
        } finally {
            transaction.rollback();
        }
        Thread.sleep(500);
        assertEquals(1, outboxRows(number), "gone with the rollback");
        assertEquals(1, count("select count(*) from customs_sim.licence_message where licence_number = ?", number),
                "and never sent");
    }

    @Test
    @Order(4)
    void aLicenceCustomsRefusesSaysWhyAndTakesNoUsage() throws Exception {
        String refused = query("select l.licence_number from licence l join enterprise e on e.id = l.enterprise_id"
                + " where e.uscc = ? and l.port_code = '" + REFUSED_PORT + "'", USCC);
        awaitStatus(refused, "REJECTED");
        assertEquals("PORT_UNKNOWN", query("select reason_code from customs_licence where licence_number = ?",
                refused), "海关入库失败 with customs' reason");
        byte[] early = usageXml(UUID.randomUUID(), refused, "370120261000000001", "10", "10", DeploymentName.id());
        CustomsQueues.send(connectionFactory, usage, early);
        assertEquals("NOT_ACCEPTED", CustomsQueues.deadReason(connectionFactory, deadLetter, early),
                "usage of a licence customs has not stored");
        assertEquals(0, count("select count(*) from customs_declaration d join licence l on l.id = d.licence_id"
                + " where l.licence_number = ?", refused));
        // notices (issue 18): the holder's users are told of the refusal with customs' reason, once each;
        // the usage refused tells nobody
        assertEquals(count("select count(*) from account a join licence l on l.enterprise_id = a.enterprise_id"
                + " where l.licence_number = ?", refused), count("select count(*) from notification n join licence l"
                + " on l.id = n.record_id where n.kind = 'CUSTOMS_REFUSED' and l.licence_number = ?", refused));
        assertEquals(0, count("select count(*) from notification n join licence l on l.id = n.record_id"
                + " where n.kind in ('CUSTOMS_ACCEPTED', 'USAGE_RECORDED') and l.licence_number = ?", refused));
        assertTrue(query("select min(n.detail) from notification n join licence l on l.id = n.record_id where"
                + " n.kind = 'CUSTOMS_REFUSED' and l.licence_number = ?", refused).length() > 0, "with the reason");
    }

    @Test
    @Order(5)
    @RunAsClient
    void goodsAreDeclaredInTheSimulator() throws Exception {
        String page = PortalClient.withoutEkey().get(SIMULATOR).body();
        String number = PortalClient.find(page, "<td>(26SD\\d{6})</td><td>1</td><td>0901</td><td>STORED</td>");
        String declared = PortalClient.withoutEkey().postForm(SIMULATOR, Map.of("action", "declare", "licence", number,
                "line", "1", "quantity", "5", "state", "RELEASED", "declaration", "370120261000000000")).body();
        assertTrue(declared.contains("已核注 报关单 370120261000000000") && declared.contains("累计 5"), declared);
        String over = PortalClient.withoutEkey().postForm(SIMULATOR, Map.of("action", "declare", "licence", number,
                "line", "1", "quantity", "36", "state", "RELEASED")).body();
        assertTrue(over.contains("超出许可数量"), "customs refuses more than the licence allows");
    }

    @Test
    @Order(6)
    void theSimulatorsUsageReachesThePortal() throws Exception {
        String number = licenceNumber();
        awaitStatus(number, "DECLARED");
        for (int i = 0; i < 100 && !"5.00000".equals(cumulative(number)); i++) {
            Thread.sleep(100);
        }
        assertEquals("5.00000", cumulative(number), "报关单核注: 5 of 40 used");
    }

    @Test
    @Order(7)
    void cumulativeFiguresGiveTheRightTotalsWhateverTheOrderAndRepeats() throws Exception {
        String number = licenceNumber();
        UUID second = UUID.randomUUID();
        byte[] secondUsage = usageXml(second, number, "370120261000000002", "10", "20", DeploymentName.id());
        byte[] thirdUsage = usageXml(UUID.randomUUID(), number, "370120261000000003", "5", "25", DeploymentName.id());
        CustomsQueues.send(connectionFactory, usage, thirdUsage); // the later declaration arrives first
        CustomsQueues.send(connectionFactory, usage, secondUsage);
        CustomsQueues.send(connectionFactory, usage, secondUsage); // and one twice
        for (int i = 0; i < 100 && count("select count(*) from customs_inbound where licence_number = ?"
                + " and result = 'APPLIED' and kind = 'USAGE'", number) < 3; i++) {
            Thread.sleep(100);
        }
        for (int i = 0; i < 50 && count("select duplicates from customs_inbound where message_id = ?",
                second.toString()) < 1; i++) {
            Thread.sleep(100);
        }
        assertEquals(1, count("select duplicates from customs_inbound where message_id = ?", second.toString()),
                "the repeat is recorded as such");
        // the second declaration clears: a new message, the same 10 on it, customs' total still 25
        UUID cleared = UUID.randomUUID();
        CustomsQueues.send(connectionFactory, usage, CustomsXml.write(new Usage(cleared, DeploymentName.id(),
                "370120261000000002", number, "0901", LocalDate.of(2026, 12, 6), DeclarationState.CLEARED,
                List.of(new UsageLine(1, new BigDecimal("10"), new BigDecimal("25"))))));
        for (int i = 0; i < 100 && count("select count(*) from customs_inbound where message_id = ?",
                cleared.toString()) == 0; i++) {
            Thread.sleep(100);
        }
        assertEquals("CLEARED", query("select state from customs_declaration where declaration_number = ?",
                "370120261000000002"));
        assertEquals("25.00000", cumulative(number), "customs' own total, never a sum of increments (35)");
        assertEquals(3, count("select count(*) from customs_declaration d join licence l on l.id = d.licence_id"
                + " where l.licence_number = ?", number), "the simulator's and two more, the repeat not counted");
    }

    @Test
    @Order(8)
    void everyBadMessageGoesToTheDeadLetterQueueWithItsReasonAndChangesNothing() throws Exception {
        String number = licenceNumber();
        String good = new String(usageXml(UUID.randomUUID(), number, "370120261000000004", "1", "26",
                DeploymentName.id()), StandardCharsets.UTF_8);
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("NOT_WELL_FORMED", good.substring(0, good.length() / 2));
        bad.put("DOCTYPE", "<?xml version=\"1.0\"?><!DOCTYPE u [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + good.replaceFirst("<\\?xml[^>]*>", "").replace("<Port>0901</Port>", "<Port>&x;</Port>"));
        bad.put("TOO_LARGE", good.replace("</Usage>", "<!--" + "x".repeat(CustomsXml.MAX_BYTES) + "--></Usage>"));
        bad.put("SCHEMA", fresh(good).replace("<Quantity>1</Quantity>", "<Quantity>-1</Quantity>"));
        bad.put("SCHEMA ", fresh(good).replace("<Quantity>1</Quantity>", "<Quantity>abc</Quantity>"));
        bad.put("UNKNOWN_LICENCE", fresh(good).replace(number, "26ZZ000001"));
        bad.put("OTHER_DEPLOYMENT", fresh(good).replace("<Deployment>" + DeploymentName.id() + "</Deployment>",
                "<Deployment>ELSEWHERE</Deployment>"));
        bad.put("UNKNOWN_LINE", fresh(good).replace("<LineNumber>1</LineNumber>", "<LineNumber>7</LineNumber>"));
        bad.put("UNKNOWN_MESSAGE", new String(CustomsXml.write(new Receipt(UUID.randomUUID(), DeploymentName.id(),
                UUID.randomUUID(), number, 1, true, null, null, Instant.now())), StandardCharsets.UTF_8));
        String before = cumulative(number);
        for (Map.Entry<String, String> each : bad.entrySet()) {
            byte[] body = each.getValue().getBytes(StandardCharsets.UTF_8);
            CustomsQueues.send(connectionFactory, each.getKey().startsWith("UNKNOWN_MESSAGE") ? receipts : usage, body);
            assertEquals(each.getKey().strip(), CustomsQueues.deadReason(connectionFactory, deadLetter, body),
                    "the reason kept with the message");
        }
        assertEquals(before, cumulative(number), "nothing changed");
        assertEquals(0, count("select count(*) from customs_declaration where declaration_number = ?",
                "370120261000000004"));
        CustomsQueues.send(connectionFactory, usage, good.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 100 && "25.00000".equals(cumulative(number)); i++) {
            Thread.sleep(100);
        }
        assertEquals("26.00000", cumulative(number), "the consumer kept running: a valid message is applied");
    }

    @Test
    @Order(9)
    @RunAsClient
    void bothPortalsShowTheStatusAndTheRecordWhatIsUsedAndRemains() throws Exception {
        PortalClient enterprise = Fixtures.signedIn("HGJB", PASSWORD);
        String statuses = enterprise.get(PortalClient.HTTPS + "/enterprise/customs.xhtml").body();
        assertTrue(statuses.contains("报关单核注") && statuses.contains("海关入库失败")
                && statuses.contains("不接受电子许可证"), "海关状态查询 with customs' reason");
        String refused = enterprise.submit(PortalClient.HTTPS + "/enterprise/customs.xhtml", "customs", Map.of(
                "customs:status", "REJECTED", "customs:find", "")).body();
        assertTrue(refused.contains("customs-REJECTED") && !refused.contains("customs-DECLARED"), "searched by status");
        List<String> links = PortalClient.findAll(statuses, "application.xhtml\\?id=(\\d+)\"");
        String declared = null;
        for (String id : links) {
            String record = enterprise.get(FORM + "?id=" + id).body();
            if (record.contains("id=\"customs-status\">报关单核注<")) {
                declared = record;
            }
        }
        assertNotNull(declared, "the record of the declared licence shows its status");
        String record = declared;
        assertTrue(declared.contains("<span class=\"customs-used\">26</span>")
                && declared.contains("<span class=\"customs-remaining\">14</span>"), "used and remaining of 40");
        assertTrue(record.contains("370120261000000000") && record.contains("id=\"customs-uses\">4 / 1<"),
                () -> "使用情况: each declaration, uses of those allowed: " + record.substring(Math.max(0,
                        record.indexOf("customs-status") - 200)));
        String declarations = enterprise.get(PortalClient.HTTPS + "/enterprise/declarations.xhtml").body();
        assertEquals(4, PortalClient.findAll(declarations, "class=\"declaration-number\">(\\d{18})<").size(),
                "结关数据查询: the four declarations against its licences");
        String cleared = enterprise.get(PortalClient.HTTPS + "/enterprise/declarations.xhtml?state=CLEARED").body();
        assertEquals(List.of("370120261000000002"), PortalClient.findAll(cleared,
                "class=\"declaration-number\">(\\d{18})<"), "核销数据查询: the cleared one");
        assertEquals("10</span> 千克", PortalClient.find(cleared, "(?s)class=\"declaration-quantity\">(.*?)</td>")
                .replaceAll("\\s+", " ").strip(), "the quantity declared with the goods' unit");
        String officer = Fixtures.signedIn("HGFZ", PASSWORD).get(PortalClient.HTTPS + "/officer/customs.xhtml").body();
        assertTrue(officer.contains("报关单核注") && officer.contains("海关入库失败"), "the authority sees its licences");
        String other = Fixtures.signedIn("HGJB", PASSWORD).get(PortalClient.HTTPS + "/enterprise/customs.xhtml").body();
        assertEquals(2, PortalClient.findAll(other, "class=\"licence-number\"[^>]*>(26SD\\d{6})<").size(), "only its own two licences");
    }

    @Test
    @Order(10)
    @RunAsClient
    void aRefusedLicenceIsSentAgainAndARefusedUsageReplayedOnceTheCauseIsGone() throws Exception {
        PortalClient.withoutEkey().postForm(SIMULATOR, Map.of("action", "rules", "rejectPorts", ""));
        PortalClient issuer = Fixtures.signedIn("HGFZ", PASSWORD);
        String page = issuer.get(PortalClient.HTTPS + "/officer/customs.xhtml?x=1").body();
        String button = PortalClient.find(page, "(?s)customs-REJECTED.*?name=\"(customs:statuses:\\d+:resend)\"");
        String resent = issuer.submit(PortalClient.HTTPS + "/officer/customs.xhtml", "customs", Map.of(button, ""))
                .body();
        assertTrue(resent.contains("已重新发往海关"), "重新发送");

        PortalClient admin = Fixtures.signedIn("HGXT", PASSWORD);
        String letters = admin.get(PortalClient.HTTPS + "/officer/dead-letters.xhtml").body();
        assertTrue(letters.contains("NOT_ACCEPTED") && letters.contains("UNKNOWN_LICENCE")
                && letters.contains("DOCTYPE"), "the dead-letter queue with each reason");
        String replay = PortalClient.find(letters,
                "(?s)>NOT_ACCEPTED<.*?name=\"(letters:list:\\d+:replay)\"");
        for (int i = 0; i < 50; i++) { // the licence must be stored again first
            if (Fixtures.signedIn("HGJB", PASSWORD).get(PortalClient.HTTPS + "/enterprise/customs.xhtml").body()
                    .split("customs-STORED", -1).length > 1) {
                break;
            }
            Thread.sleep(200);
        }
        String replayed = admin.submit(PortalClient.HTTPS + "/officer/dead-letters.xhtml", "letters",
                Map.of(replay, "")).body();
        assertTrue(replayed.contains("已放回原队列"), () -> "重放: " + replayed.substring(Math.max(0,
                replayed.indexOf("<main")), Math.min(replayed.length(), replayed.indexOf("<main") + 3000)));
        String notHis = Fixtures.signedIn("HGFZ", PASSWORD).get(PortalClient.HTTPS + "/officer/dead-letters.xhtml")
                .body();
        assertTrue(notHis.contains("您没有进行此操作的权限") && !notHis.contains("NOT_ACCEPTED"),
                "only the system administrator reads the dead-letter queue");
    }

    @Test
    @Order(11)
    void theResentLicenceIsStoredAndTheReplayedUsageApplied() throws Exception {
        String refused = query("select l.licence_number from licence l join enterprise e on e.id = l.enterprise_id"
                + " where e.uscc = ? and l.port_code = '" + REFUSED_PORT + "'", USCC);
        awaitStatus(refused, "DECLARED");
        assertEquals(2, count("select count(*) from customs_outbox where licence_number = ?", refused),
                "version 2 went out");
        assertEquals("10.00000", cumulative(refused), "the replayed usage");
        assertEquals(1, count("select count(*) from audit_event where action = 'CUSTOMS_RESENT' and subject_id = ?",
                refused));
        assertEquals(1, count("select count(*) from audit_event where action = 'CUSTOMS_REPLAYED' and details like ?",
                "%NOT_ACCEPTED%"));
    }

    private static String fresh(String xml) {
        return xml.replaceFirst("<MessageId>[^<]+</MessageId>", "<MessageId>" + UUID.randomUUID() + "</MessageId>");
    }

    private static byte[] usageXml(UUID id, String number, String declaration, String quantity, String cumulative,
            String deployment) {
        return CustomsXml.write(new Usage(id, deployment, declaration, number, "0901", LocalDate.of(2026, 12, 6),
                DeclarationState.RELEASED, List.of(new UsageLine(1, new BigDecimal(quantity),
                        new BigDecimal(cumulative)))));
    }



    private void awaitStatus(String number, String status) throws Exception {
        for (int i = 0; i < 100 && !status.equals(customsStatus(number)); i++) {
            Thread.sleep(100);
        }
        assertEquals(status, customsStatus(number));
    }

    private String cumulative(String number) throws Exception {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(
                "select u.cumulative_quantity from customs_line_usage u join licence l on l.id = u.licence_id"
                        + " where l.licence_number = ? and u.line_number = 1")) {
            s.setString(1, number);
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? row.getBigDecimal(1).setScale(5).toPlainString() : "none";
            }
        }
    }

    private int count(String sql, String parameter) throws Exception {
        return Integer.parseInt(query(sql, parameter));
    }

    /** The licence customs stores (at 0901). */
    private String licenceNumber() throws Exception {
        return query("select l.licence_number from licence l join enterprise e on e.id = l.enterprise_id"
                + " where e.uscc = ? and l.port_code = '0901'", USCC);
    }

    private String customsStatus(String number) throws Exception {
        return query("select status from customs_licence where licence_number = ?", number);
    }

    private byte[] sealedContent(String number) throws Exception {
        return query("select content from licence where licence_number = ?", number)
                .getBytes(StandardCharsets.UTF_8);
    }

    private int outboxRows(String number) throws Exception {
        return Integer.parseInt(query("select count(*) from customs_outbox where licence_number = ?", number));
    }

    private long[] ids(String number) throws Exception {
        return new long[] {Long.parseLong(query("select id from licence where licence_number = ?", number)),
                Long.parseLong(query("select application_id from licence where licence_number = ?", number))};
    }

    private String query(String sql, String parameter) throws Exception {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet row = s.executeQuery()) {
                assertTrue(row.next(), sql + " finds nothing for " + parameter);
                return row.getString(1);
            }
        }
    }
}
