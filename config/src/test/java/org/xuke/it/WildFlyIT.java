package org.xuke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xuke.launcher.Stack;

/**
 * The unchanged EAR on WildFly 35 with EclipseLink (issue 21's subset, in its own failsafe execution once
 * the Payara tests have stopped their server): WildFly configured by config/wildfly/xuke.cli, a fresh
 * database migrated by the application, the demo's people and licence. It checks the export licence
 * issued through the services going to customs and coming back declared over Artemis (both MDBs), an
 * e-key sign-in over HTTPS, printing the signed licence, and a reconciliation run on JBeret.
 */
class WildFlyIT {

    private static final String HTTPS = PortalClient.HTTPS;
    private static final String PASSWORD = "Xk-2026-wildfly-yanzheng-3";
    private static Stack stack;
    private static Path demo;

    @BeforeAll
    static void startWildFly() throws Exception {
        stack = Stack.start(true, true);
        demo = Path.of(System.getProperty("xuke.demo.dir"));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theDemoLicenceGoesToCustomsAndComesBackDeclared() throws Exception {
        assertEquals("DECLARED", awaitCustomsStatus("DECLARED"), "stored by the simulator, its declaration back");
    }

    @Test
    void theHolderSignsInWithHisEkeyAndDownloadsTheSignedLicence() throws Exception {
        awaitCustomsStatus("DECLARED");
        PortalClient holder = firstSignIn("QIYE", "/enterprise/");
        HttpResponse<byte[]> pdf = holder.getBytes(HTTPS + "/enterprise/documents/licence/26LN000001.pdf");
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII).equals("%PDF-")
                && new String(pdf.body(), StandardCharsets.ISO_8859_1).contains("/ByteRange"), "a signed PDF");
    }

    @Test
    void anIssuerRunsTheNightlyReconciliationOnJBeret() throws Exception {
        PortalClient issuer = firstSignIn("FAZHENG", "/officer/");
        String page = HTTPS + "/officer/reconciliation.xhtml";
        issuer.get(page);
        String yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString();
        String started = issuer.submit(page, "start", Map.of("start:date", yesterday, "start:run", "")).body();
        String execution = PortalClient.find(started, "对账（执行号 (\\d+)）");
        String status = "";
        for (int i = 0; i < 300 && !"COMPLETED".equals(status); i++) {
            status = PortalClient.find(issuer.get(page).body(), "(?s)<td[^>]*>" + execution
                    + "</td>.*?class=\"run-status run-(\\w+)\"");
            assertTrue(!"FAILED".equals(status), "execution " + execution + " failed");
            Thread.sleep(200);
        }
        assertEquals("COMPLETED", status, "execution " + execution);
    }

    /** The demo account's e-key and one-time password (demo/accounts.txt), then a password of its own. */
    private static PortalClient firstSignIn(String user, String portal) throws Exception {
        List<String> lines = Files.readAllLines(demo.resolve("accounts.txt"), StandardCharsets.UTF_8);
        String keyPassword = lines.stream().filter(l -> l.contains("PKCS#12 password")).findFirst().orElseThrow()
                .replaceFirst(".*: ", "").strip();
        String[] row = lines.stream().filter(l -> l.startsWith(user + " ")).findFirst().orElseThrow().split("\\s+");
        String oneTime = row[row.length - 2];
        PortalClient browser = PortalClient.withEkey(demo.resolve(user + ".p12"), keyPassword.toCharArray());
        HttpResponse<String> landed = browser.login(user, oneTime);
        assertTrue(landed.uri().getPath().endsWith("/account/password.xhtml"), user + ": " + landed.uri());
        String changed = browser.submit(HTTPS + "/account/password.xhtml", "password", Map.of("password:current",
                oneTime, "password:chosen", PASSWORD, "password:repeated", PASSWORD, "password:submit", "")).body();
        assertTrue(changed.contains("密码已修改"), changed);
        HttpResponse<String> in = browser.login(user, PASSWORD);
        assertTrue(in.uri().getPath().startsWith(portal), user + " signed in: " + in.uri());
        return browser;
    }

    private static synchronized String awaitCustomsStatus(String wanted) throws Exception {
        String status = "";
        for (int i = 0; i < 240 && !wanted.equals(status); i++) {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:15433/xuke", "xuke", "xuke");
                    ResultSet r = c.createStatement().executeQuery(
                            "select status from customs_licence where licence_number = '26LN000001'")) {
                status = r.next() ? r.getString(1) : "";
            } catch (java.sql.SQLException notYet) {
                status = "";
            }
            if (!wanted.equals(status)) {
                Thread.sleep(500);
            }
        }
        return status;
    }
}
