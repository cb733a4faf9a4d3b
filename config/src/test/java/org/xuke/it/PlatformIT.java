package org.xuke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The resources the launcher creates with asadmin, and the portal over HTTP. */
@ExtendWith(ArquillianExtension.class)
class PlatformIT {

    private static final String BASE = "http://127.0.0.1:8080";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(PlatformIT.class);
    }

    @Resource(lookup = "jdbc/xuke")
    DataSource dataSource;

    @Resource(lookup = "jms/xuke/ConnectionFactory")
    ConnectionFactory connectionFactory;

    @Test
    void schemaComesFromFlywayOnPostgresql() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            assertEquals("PostgreSQL", c.getMetaData().getDatabaseProductName());
            try (ResultSet rs = c.createStatement().executeQuery(
                    "select version, success from flyway_schema_history where version = '1'")) {
                assertTrue(rs.next(), "V1 recorded by Flyway");
                assertTrue(rs.getBoolean("success"));
            }
        }
    }

    @Test
    void jmsQueueOnTheLoopbackBrokerCarriesAMessage() {
        try (JMSContext context = connectionFactory.createContext()) {
            // a queue of its own: the customs simulator consumes the licence queue
            Queue probe = context.createQueue("XukePlatformProbe");
            String body = "<probe>" + System.nanoTime() + "</probe>";
            context.createProducer().send(probe, body);
            try (JMSConsumer consumer = context.createConsumer(probe)) {
                assertEquals(body, consumer.receiveBody(String.class, 10_000));
            }
        }
    }

    @Test
    @RunAsClient
    void portalHomeIsChineseByDefault() throws Exception {
        // Even a browser that prefers English gets Chinese until the user switches.
        HttpResponse<String> home = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(BASE + "/"))
                .header("Accept-Language", "en-US,en;q=0.9").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("进出口许可证管理系统"), "Chinese title on the home page");
        assertTrue(home.body().contains("企业端") && home.body().contains("管理端"));
        assertTrue(!home.body().contains("<script>") || home.body().contains("nonce="), "scripts carry the CSP nonce");
        String csp = home.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src"), "PrimeFaces CSP header present: " + csp);
    }

    @Test
    @RunAsClient
    void commodityCatalogueFindsByCodeAndByName() throws Exception {
        String byCode = get("/public/catalog.xhtml?kind=commodity&code=2903750010").body();
        assertTrue(byCode.contains("1,1,1,2,2-五氟-3,3-二氯丙烷"));
        assertTrue(byCode.contains("总共 1 条记录"), "one result");

        String byName = get("/public/catalog.xhtml?kind=commodity&name="
                + URLEncoder.encode("钨", StandardCharsets.UTF_8)).body();
        assertTrue(byName.contains("仲钨酸铵") && byName.contains("钨粉"));
        assertTrue(byName.contains("总共 2 条记录"));
    }

    /** Every value a person reads is a word of the bundles or the catalogue's name, never a stored code. */
    @Test
    @RunAsClient
    void catalogueValuesAreShownInWordsNotAsStored() throws Exception {
        String ports = get("/public/catalog.xhtml?kind=customs-port").body();
        assertTrue(ports.contains("关区") && !ports.contains(">headquarters<") && !ports.contains(">subordinate<"));
        String methods = get("/public/catalog.xhtml?kind=payment-method").body();
        assertTrue(methods.contains("海关结汇方式") && !methods.contains("customs_settlement_mode")
                && !methods.contains(">licence_form<"));
        String authorities = get("/public/catalog.xhtml?kind=issuing-authority").body();
        assertTrue(authorities.contains("省级") && !authorities.contains(">provincial<")
                && !authorities.contains("sub_provincial"));
        String days = get("/public/catalog.xhtml?kind=calendar-day").body();
        assertTrue(days.contains("调休工作日") && !days.contains("WORKING_DAY") && !days.contains("working_day"));
        assertFalse(days.contains(">H<"), "confidence in words");
    }

    @Test
    @RunAsClient
    void unknownCatalogueAndUnknownPageAnswer404WithTheErrorPage() throws Exception {
        HttpResponse<String> unknownKind = get("/public/catalog.xhtml?kind=nothing");
        assertEquals(404, unknownKind.statusCode());
        HttpResponse<String> unknownPage = get("/no-such-page.xhtml");
        assertEquals(404, unknownPage.statusCode());
        assertTrue(unknownPage.body().contains("找不到您要访问的页面"));
    }

    @Test
    @RunAsClient
    void facletsSourcesAreNotServed() throws Exception {
        HttpResponse<String> response = get("/WEB-INF/templates/base.xhtml");
        assertTrue(response.statusCode() == 403 || response.statusCode() == 404, "status " + response.statusCode());
        assertTrue(!response.body().contains("ui:insert"), "template source must not leak");
    }

    /** Public query parameters: a non-number or a NUL byte is a 400 with a message, never a 500 (issue 23). */
    @Test
    @RunAsClient
    void badPublicQueryParametersAre400WithAMessage() throws Exception {
        HttpResponse<String> year = get("/public/catalog.xhtml?kind=commodity&year=abc");
        assertEquals(400, year.statusCode());
        assertTrue(year.body().contains("“abc”不是有效整数"), "the message says what was wrong: " + year.body());
        HttpResponse<String> nul = get("/public/catalog.xhtml?kind=commodity&name=%E9%92%A8%00x");
        assertEquals(400, nul.statusCode());
        assertTrue(nul.body().contains("NUL"), nul.body());
        assertEquals(400, get("/public/verify.xhtml?n=26LN000001&c=%00").statusCode());
        assertEquals(200, get("/public/catalog.xhtml?kind=commodity&year=2026").statusCode(), "a good year is fine");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(BASE + path))
                .header("Accept-Language", "zh-CN").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertNotNull(response);
        return response;
    }
}
