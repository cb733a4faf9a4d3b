package org.xuke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
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
 * e-key sign-in over HTTPS, printing the signed licence, a reconciliation run on JBeret, and a run a crash
 * interrupted marked failed when WildFly starts again, then restarted.
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
        // the demo licence is issued in the background as the server starts: every test begins once it is
        // back from customs, whatever their order (a sign-in during its issue would race with it)
        awaitCustomsStatus("DECLARED");
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
        PortalClient holder = signIn("QIYE", "/enterprise/");
        HttpResponse<byte[]> pdf = holder.getBytes(HTTPS + "/enterprise/documents/licence/26LN000001.pdf");
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII).equals("%PDF-")
                && new String(pdf.body(), StandardCharsets.ISO_8859_1).contains("/ByteRange"), "a signed PDF");
    }

    @Test
    void anIssuerRunsTheNightlyReconciliationOnJBeret() throws Exception {
        PortalClient issuer = signIn("FAZHENG", "/officer/");
        String execution = startRun(issuer, 1);
        assertEquals("COMPLETED", awaitRun(issuer, execution, "COMPLETED"), "execution " + execution);
    }

    /**
     * A run a crash left STARTED in JBeret's repository (the server stopped, the run's execution and its last
     * step set back to STARTED as a killed server leaves them) is marked FAILED as WildFly starts again, and
     * 重新运行 restarts it to the end.
     */
    @Test
    void aRunInterruptedByACrashIsMarkedFailedWhenWildFlyStartsAgainAndRestarts() throws Exception {
        PortalClient issuer = signIn("FAZHENG", "/officer/");
        String execution = startRun(issuer, 2);
        assertEquals("COMPLETED", awaitRun(issuer, execution, "COMPLETED"), "execution " + execution);
        long id = Long.parseLong(execution);
        stack.restartWildFly(() -> {
            try (Connection c = database()) {
                assertEquals(1, update(c, "update job_execution set batchstatus = 'STARTED', exitstatus = null,"
                        + " endtime = null where jobexecutionid = ?", id), "the execution in JBeret's table");
                assertEquals(1, update(c, "update step_execution set batchstatus = 'STARTED', exitstatus = null,"
                        + " endtime = null where stepexecutionid = (select max(stepexecutionid) from step_execution"
                        + " where jobexecutionid = ?)", id), "its last step");
            }
        });
        try (Connection c = database(); PreparedStatement q = c.prepareStatement("select batchstatus, exitstatus"
                + " from job_execution where jobexecutionid = ?")) {
            q.setLong(1, id);
            try (ResultSet r = q.executeQuery()) {
                assertTrue(r.next());
                assertEquals("FAILED INTERRUPTED", r.getString(1) + " " + r.getString(2), "marked as WildFly started");
            }
            assertEquals(0, count(c, "select count(*) from step_execution where jobexecutionid = ? and batchstatus"
                    + " in ('STARTING', 'STARTED', 'STOPPING')", id), "no step left running");
        }
        signedIn.clear(); // the sessions ended with the server
        issuer = signIn("FAZHENG", "/officer/");
        String page = issuer.get(RECONCILIATION).body();
        assertEquals("FAILED", runStatus(page, execution), "the portal shows the interrupted run failed");
        assertTrue(page.contains("服务器停止时中断"), "and says why");
        String row = PortalClient.findAll(PortalClient.find(page, "(?s)id=\"runs:runList\"(.*?)</table>"),
                "<tr[^>]*data-ri=\"(\\d+)\"[^>]*>\\s*<td[^>]*>" + execution + "</td>").get(0);
        String restarted = issuer.submit(RECONCILIATION, "runs", Map.of("runs:runList:" + row + ":restart", ""))
                .body();
        assertTrue(restarted.contains("已从上次检查点重新运行执行 " + execution), restarted);
        // the newest run heads the list: the restart's execution
        String again = PortalClient.find(PortalClient.find(issuer.get(RECONCILIATION).body(),
                "(?s)id=\"runs:runList\"(.*?)</table>"), "(?s)<td[^>]*>(\\d+)</td>");
        assertTrue(Long.parseLong(again) > id, "a new execution: " + again);
        assertEquals("COMPLETED", awaitRun(issuer, again, "COMPLETED"), "the restart, execution " + again);
    }

    private static final String RECONCILIATION = HTTPS + "/officer/reconciliation.xhtml";

    /** Starts the reconciliation for the day {@code daysBack} before today (China); returns its execution. */
    private static String startRun(PortalClient issuer, int daysBack) throws Exception {
        issuer.get(RECONCILIATION);
        String date = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(daysBack).toString();
        String started = issuer.submit(RECONCILIATION, "start", Map.of("start:date", date, "start:run", "")).body();
        return PortalClient.find(started, "对账（执行号 (\\d+)）");
    }

    private static String awaitRun(PortalClient issuer, String execution, String wanted) throws Exception {
        String status = "";
        for (int i = 0; i < 300 && !wanted.equals(status); i++) {
            status = runStatus(issuer.get(RECONCILIATION).body(), execution);
            assertTrue(!"FAILED".equals(status), "execution " + execution + " failed");
            Thread.sleep(200);
        }
        return status;
    }

    private static String runStatus(String page, String execution) {
        return PortalClient.find(page, "(?s)<td[^>]*>" + execution + "</td>.*?class=\"run-status run-(\\w+)\"");
    }

    private static Connection database() throws java.sql.SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:15433/xuke", "xuke", "xuke");
    }

    private static int update(Connection c, String sql, long id) throws java.sql.SQLException {
        try (PreparedStatement u = c.prepareStatement(sql)) {
            u.setLong(1, id);
            return u.executeUpdate();
        }
    }

    private static long count(Connection c, String sql, long id) throws java.sql.SQLException {
        try (PreparedStatement q = c.prepareStatement(sql)) {
            q.setLong(1, id);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** The tests' sessions by user: the first sign-in changes the one-time password, later ones use the new one. */
    private static final Map<String, PortalClient> signedIn = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.Set<String> passwordChanged = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static synchronized PortalClient signIn(String user, String portal) throws Exception {
        PortalClient known = signedIn.get(user);
        if (known != null) {
            return known;
        }
        PortalClient browser;
        if (passwordChanged.contains(user)) {
            browser = PortalClient.withEkey(demo.resolve(user + ".p12"), keyPassword().toCharArray());
            HttpResponse<String> in = browser.login(user, PASSWORD);
            assertTrue(in.uri().getPath().startsWith(portal), user + " signed in again: " + in.uri());
        } else {
            browser = firstSignIn(user, portal);
            passwordChanged.add(user);
        }
        signedIn.put(user, browser);
        return browser;
    }

    private static String keyPassword() throws Exception {
        return Files.readAllLines(demo.resolve("accounts.txt"), StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains("PKCS#12 password")).findFirst().orElseThrow().replaceFirst(".*: ", "").strip();
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
