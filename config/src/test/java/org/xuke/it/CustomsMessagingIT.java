package org.xuke.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.transaction.UserTransaction;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.xuke.customs.CustomsMessage.LicenceMessage;
import org.xuke.customs.CustomsXml;
import org.xuke.enterprise.EnterpriseDetails;
import org.xuke.enterprise.EnterpriseService;
import org.xuke.identity.CertificateService;
import org.xuke.licence.LicenceEvent;

/**
 * The way out to customs on the real broker: issuing a licence in the officer portal writes one
 * licence message to the outbox in the issuing transaction, and the dispatcher puts exactly that
 * message on {@code jms/xuke/customs/LicenceOut} (the XML valid against the schema, the licence's
 * data and seal in it); a licence change that rolls back leaves no message.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CustomsMessagingIT {

    private static final String PASSWORD = "Xk-2026-customs-16";
    private static final String USCC = "91370102MA0XUKE162";
    private static final String FORM = PortalClient.HTTPS + "/enterprise/application.xhtml";
    private static final String DECIDE = PortalClient.HTTPS + "/officer/application.xhtml?id=";

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

    @Resource(lookup = "jms/xuke/customs/LicenceOut")
    Queue licenceOut;

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
    }

    @Test
    @Order(1)
    @RunAsClient
    void aLicenceIsIssuedInTheOfficerPortal() throws Exception {
        PortalClient admin = Fixtures.signedIn("HGJG", PASSWORD);
        admin.get(PortalClient.HTTPS + "/officer/quotas.xhtml");
        admin.submit(PortalClient.HTTPS + "/officer/quotas.xhtml", "code", Map.of("code:licenceCode", "SD",
                "code:saveCode", ""));
        PortalClient enterprise = Fixtures.signedIn("HGJB", PASSWORD);
        long id = ExportApplicationIT.newApplication(enterprise, "8112921000", "40", "HT-CUSTOMS-01");
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
    void issuingPutsExactlyOneLicenceMessageOnTheQueue() throws Exception {
        String number = licenceNumber();
        List<byte[]> bodies = List.of();
        for (int i = 0; i < 100 && bodies.isEmpty(); i++) {
            Thread.sleep(100);
            bodies = onQueue(number);
        }
        assertEquals(1, bodies.size(), "one message for one issue");
        LicenceMessage message = (LicenceMessage) CustomsXml.read(bodies.get(0));
        assertEquals(Action.INSERT, message.action());
        assertEquals(1, message.licence().version());
        assertEquals("4", message.licence().documentCode(), "the export licence's document code");
        assertEquals(USCC, message.licence().holderUscc());
        assertEquals("0901", message.licence().port());
        assertEquals(1, message.licence().goods().size());
        assertEquals(0, message.licence().goods().get(0).quantity().compareTo(new BigDecimal("40")));
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(
                "select message_id, sent_at_utc from customs_outbox where licence_number = ?")) {
            s.setString(1, number);
            try (ResultSet row = s.executeQuery()) {
                assertTrue(row.next(), "the outbox row");
                assertEquals(message.messageId().toString(), row.getString(1));
                assertNotNull(row.getTimestamp(2), "marked sent");
            }
        }
        assertEquals("NOT_ARRIVED", customsStatus(number), "暂未到达海关 until customs answers");
        assertArrayEquals(sealedContent(number), message.licence().sealedContent(), "the content as sealed");
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
        assertEquals(1, onQueue(number).size(), "and never sent");
    }

    private List<byte[]> onQueue(String number) throws Exception {
        List<byte[]> bodies = new ArrayList<>();
        try (JMSContext jms = connectionFactory.createContext()) {
            QueueBrowser browser = jms.createBrowser(licenceOut, "xukeLicenceNumber = '" + number + "'");
            for (Object each : Collections.list(browser.getEnumeration())) {
                BytesMessage message = (BytesMessage) each;
                byte[] body = new byte[(int) message.getBodyLength()];
                message.readBytes(body);
                bodies.add(body);
            }
        }
        return bodies;
    }

    private String licenceNumber() throws Exception {
        return query("select l.licence_number from licence l join enterprise e on e.id = l.enterprise_id"
                + " where e.uscc = ?", USCC);
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
