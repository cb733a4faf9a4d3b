package org.xuke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Walks docs/OPERATIONS.md's runbook as a bureau's operator would: every {@code bash runbook:NAME}
 * block of the page is run as written, in order, in bash, with only the runbook's variables set to
 * this machine's values. A fresh Payara unpacked from the distribution, a PostgreSQL 15 (Debian's)
 * started as a server of its own; the first administrator, who creates an authority administrator,
 * who creates an officer; e-key sign-ins over HTTPS; a backup restored into an empty database,
 * after which the portal serves the same accounts; an upgrade; the monitoring commands. Runs in its
 * own failsafe execution after the other integration tests, whose servers are stopped by then.
 */
class RunbookIT {

    private static final Path WORK = Path.of(System.getProperty("xuke.runbook.work", "target/runbook")).toAbsolutePath();
    private static final Path DOC = Path.of(System.getProperty("xuke.runbook.doc", "../docs/OPERATIONS.md"));
    private static final Path LOG = WORK.resolve("runbook.log");
    private static final Path PG_BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static final int PG_PORT = 15434;
    private static final String HTTPS = "https://127.0.0.1:8181";
    private static final String PASSWORD = "Xk-2026-yunwei-shouce-7";

    private static final Map<String, String> ENV = new LinkedHashMap<>();
    /** Under /tmp: the postgres account reaches it whatever the modes of the clone's folders. */
    private static Path PG_DIR;
    private static Map<String, String> blocks;

    @BeforeAll
    static void freshMachine() throws Exception {
        if (Files.exists(WORK)) {
            run(List.of("rm", "-rf", WORK.toString()), Map.of());
        }
        Files.createDirectories(WORK.resolve("dist"));
        // what a bureau downloads or builds: the distribution zip, the EAR, the operator tool
        Files.copy(Path.of(System.getProperty("xuke.payara.zip")), WORK.resolve("dist/payara-6.2025.9.zip"));
        Files.copy(Path.of(System.getProperty("xuke.ear")), WORK.resolve("dist/xuke.ear"));
        Files.copy(Path.of(System.getProperty("xuke.admin.jar", "target/xuke-admin.jar")),
                WORK.resolve("dist/xuke-admin.jar"));
        startPostgres();
        ENV.put("PAYARA_HOME", WORK.resolve("payara6").toString());
        ENV.put("XUKE_HOME", WORK.resolve("xuke").toString());
        ENV.put("XUKE_DIST", WORK.resolve("dist").toString());
        ENV.put("XUKE_BACKUPS", WORK.resolve("backups").toString());
        ENV.put("XUKE_LISTEN", "127.0.0.1");
        ENV.put("XUKE_HOSTS", "localhost,127.0.0.1");
        ENV.put("XUKE_URL", HTTPS);
        ENV.put("XUKE_HEAP", "2g");
        ENV.put("XUKE_MAIL_HOST", "127.0.0.1");
        ENV.put("PGHOST", "127.0.0.1");
        ENV.put("PGPORT", String.valueOf(PG_PORT));
        blocks = blocks(Files.readString(DOC, StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stopEverything() throws Exception {
        Path asadmin = WORK.resolve("payara6/bin/asadmin");
        if (Files.exists(asadmin)) {
            run(List.of(asadmin.toString(), "stop-domain"), Map.of());
        }
        if (PG_DIR == null) {
            return;
        }
        asPostgres(List.of(PG_BIN.resolve("pg_ctl").toString(), "-D", PG_DIR.resolve("data").toString(), "-m", "fast",
                "stop"));
        run(List.of("rm", "-rf", PG_DIR.toString()), Map.of());
    }

    @Test
    void theRunbookTakesAFreshServerToSignedInAdministratorsAndBackAfterALoss() throws Exception {
        step("install");
        step("database");
        String ca = step("ca");
        assertTrue(ca.contains("SHA-256"), "the ceremony prints fingerprints: " + ca);
        step("setup");
        step("deploy");
        String bootstrap = step("first-admin");
        String admin = field(bootstrap, "User name");
        String oneTime = field(bootstrap, "One-time password");
        Path key = Path.of(field(bootstrap, "E-key file"));
        char[] keyPassword = field(bootstrap, "E-key file password").toCharArray();
        String again = runBlock("first-admin", 1);
        assertTrue(again.contains("Refused"), "a second bootstrap is refused: " + again);

        // in the portal, as the runbook describes: the administrator signs in with his e-key
        Path root = WORK.resolve("xuke/ca/authority/root.crt");
        PortalClient system = firstSignIn(PortalClient.withEkey(key, keyPassword, root), admin, oneTime);
        String accounts = HTTPS + "/officer/accounts.xhtml";
        system.get(accounts);
        String created = system.submit(accounts, "create", Map.of("create:username", "lngly", "create:displayName",
                "辽宁机构管理员", "create:authority_input", "PROV-LIAONING", "create:roles", "AUTHORITY_ADMIN", "create:create", ""))
                .body();
        assertTrue(created.contains("用户 LNGLY 已建立"), created);
        String authorityOneTime = PortalClient.find(created, "id=\"one-time\">([A-Za-z0-9]{16})<");
        Path authorityKey = makeEkey(system, "LNGLY");
        PortalClient authority = firstSignIn(PortalClient.withEkey(authorityKey, "Runbook-key-1".toCharArray(), root),
                "LNGLY", authorityOneTime);
        authority.get(HTTPS + "/officer/quotas.xhtml");
        authority.submit(HTTPS + "/officer/quotas.xhtml", "code", Map.of("code:licenceCode", "LN", "code:saveCode", ""));
        authority.get(accounts);
        String officerMade = authority.submit(accounts, "create", Map.of("create:username", "lnfz", "create:displayName",
                "辽宁发证员", "create:roles", "ISSUER", "create:create", "")).body();
        String officerOneTime = PortalClient.find(officerMade, "id=\"one-time\">([A-Za-z0-9]{16})<");
        system.get(accounts);
        String provider = system.submit(accounts, "create", Map.of("create:username", "fuwu", "create:displayName",
                "电子钥匙服务商", "create:authority_input", "PROV-LIAONING", "create:roles", "EKEY_PROVIDER",
                "create:create", "")).body();
        assertTrue(provider.contains("用户 FUWU 已建立") && provider.contains("id=\"one-time\""), provider);
        // separation of duties: the officer's e-key from the other administrator
        system.get(accounts);
        Path officerKey = makeEkey(system, "LNFZ");
        PortalClient officer = firstSignIn(PortalClient.withEkey(officerKey, "Runbook-key-1".toCharArray(), root),
                "LNFZ", officerOneTime);
        assertTrue(officer.get(HTTPS + "/officer/index.xhtml").body().contains("LNFZ"), "the officer is in");

        step("csr");
        // the bureau's CA, played by openssl with the deployment CA's login CA
        Path caDir = WORK.resolve("xuke/ca/authority");
        Result signed = run(List.of("openssl", "x509", "-req", "-in", WORK.resolve("xuke/server.csr").toString(),
                "-CA", caDir.resolve("tls-ca.crt").toString(), "-CAkey", caDir.resolve("tls-ca.key").toString(),
                "-passin", "file:" + WORK.resolve("xuke/ca/password"), "-set_serial", "0x" + Long.toHexString(
                        System.nanoTime()), "-days", "90", "-copy_extensions", "copy", "-out",
                WORK.resolve("server.crt").toString()), Map.of());
        assertEquals(0, signed.exit, signed.output);
        Files.writeString(WORK.resolve("xuke/server-chain.pem"), Files.readString(WORK.resolve("server.crt"))
                + Files.readString(caDir.resolve("tls-ca.crt")) + Files.readString(caDir.resolve("root.crt")));
        step("import-cert");
        HttpResponse<String> served = awaitPortal(PortalClient.withEkey(key, keyPassword, root));
        java.security.cert.X509Certificate leaf = (java.security.cert.X509Certificate) served.sslSession()
                .orElseThrow().getPeerCertificates()[0];
        java.security.cert.X509Certificate imported;
        try (var in = Files.newInputStream(WORK.resolve("server.crt"))) {
            imported = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(in);
        }
        assertEquals(imported.getSerialNumber(), leaf.getSerialNumber(), "the imported certificate is served");

        String check = step("check");
        for (String done : List.of("[ok]   secure admin enabled", "[ok]   database password only as a password alias",
                "[ok]   OpenMQ broker's admin password changed", "[ok]   demo mode off",
                "[ok]   admin interface wants a password")) {
            assertTrue(check.contains(done), done + " in\n" + check);
        }
        assertTrue(check.contains("[todo] backup within a day"), check);
        step("backup");
        assertTrue(step("check").contains("[ok]   backup within a day"));

        // the loss: the database is gone (the runbook's restore starts from here)
        run(List.of(WORK.resolve("payara6/bin/asadmin").toString(), "stop-domain"), Map.of());
        run(List.of("dropdb", "-h", "127.0.0.1", "-p", String.valueOf(PG_PORT), "-U", "postgres", "xuke"), Map.of());
        step("restore");
        PortalClient back = PortalClient.withEkey(officerKey, "Runbook-key-1".toCharArray(), root);
        HttpResponse<String> in = back.login("LNFZ", PASSWORD);
        assertTrue(in.uri().getPath().startsWith("/officer/"), "the officer signs in after the restore: " + in.uri());
        PortalClient systemBack = PortalClient.withEkey(key, keyPassword, root);
        systemBack.login(admin, PASSWORD);
        String list = systemBack.get(accounts).body();
        assertTrue(list.contains("LNGLY") && list.contains("LNFZ") && list.contains(admin), "same accounts: " + list);
        String audit = HTTPS + "/officer/audit.xhtml";
        systemBack.get(audit);
        String first = systemBack.submit(audit, "audit", Map.of("audit:actor", "", "audit:action",
                "FIRST_ADMINISTRATOR_CREATED", "audit:subject", "", "audit:from_input", "", "audit:to_input", "",
                "audit:search", "")).body();
        assertTrue(first.contains(admin), "the bootstrap is in the restored audit log: " + first);
        String checked = systemBack.submit(audit, "audit", Map.of("audit:actor", "", "audit:action", "",
                "audit:subject", "", "audit:from_input", "", "audit:to_input", "", "audit:verify", "")).body();
        assertTrue(checked.contains("审计日志完整：已校验"), "the restored audit chain is whole");

        step("logs");
        step("upgrade");
        assertTrue(PortalClient.withEkey(officerKey, "Runbook-key-1".toCharArray(), root).login("LNFZ", PASSWORD)
                .uri().getPath().startsWith("/officer/"), "signed in after the upgrade");
        step("monitoring");
    }

    /** The portal's public page over HTTPS, waited for after a restart. */
    private static HttpResponse<String> awaitPortal(PortalClient browser) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(3);
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> page = browser.get(HTTPS + "/public/ping.xhtml");
                if (page.statusCode() == 200) {
                    return page;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the portal did not answer after the restart", last);
    }

    /** First sign-in: e-key and one-time password, then the new password, then signed in with it. */
    private static PortalClient firstSignIn(PortalClient browser, String user, String oneTime) throws Exception {
        HttpResponse<String> landed = browser.login(user, oneTime);
        assertTrue(landed.uri().getPath().endsWith("/account/password.xhtml"), user + ": " + landed.uri());
        String url = HTTPS + "/account/password.xhtml";
        String changed = browser.submit(url, "password", Map.of("password:current", oneTime, "password:chosen", PASSWORD,
                "password:repeated", PASSWORD, "password:submit", "")).body();
        assertTrue(changed.contains("密码已修改"), changed);
        HttpResponse<String> in = browser.login(user, PASSWORD);
        assertTrue(in.uri().getPath().startsWith("/officer/"), user + " signed in: " + in.uri());
        return browser;
    }

    private static Path makeEkey(PortalClient administrator, String user) throws Exception {
        String accounts = HTTPS + "/officer/accounts.xhtml";
        String made = administrator.submit(accounts, "act", Map.of("act:target", user, "act:keyPassword",
                "Runbook-key-1", "act:makeEkey", "")).body();
        assertTrue(made.contains("电子钥匙已制作"), made);
        HttpResponse<byte[]> file = administrator.submitForBytes(accounts, "download", Map.of("download:download", ""));
        assertEquals(200, file.statusCode());
        Path key = WORK.resolve(user + ".p12");
        Files.write(key, file.body());
        return key;
    }

    private static String field(String output, String label) {
        Matcher m = Pattern.compile("(?m)^\\s*" + Pattern.quote(label) + "\\s+(\\S+)").matcher(output);
        assertTrue(m.find(), label + " in\n" + output);
        return m.group(1);
    }

    private static String step(String name) throws Exception {
        return runBlock(name, 0);
    }

    /** The variables block, then the named block, as one bash script; fails unless it exits {@code expected}. */
    private static String runBlock(String name, int expected) throws Exception {
        String block = blocks.get(name);
        assertTrue(block != null, "docs/OPERATIONS.md has a runbook:" + name + " block");
        String script = "set -euo pipefail\n" + blocks.get("variables") + "\n" + block;
        Files.writeString(LOG, "\n### runbook:" + name + "\n" + block + "\n", StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        Result result = run(List.of("bash", "-c", script), ENV);
        Files.writeString(LOG, result.output, StandardOpenOption.APPEND);
        assertEquals(expected, result.exit, () -> "runbook:" + name + " exited " + result.exit + ":\n" + result.output);
        return result.output;
    }

    /** The {@code ```bash runbook:NAME} blocks of the page, in order. */
    static Map<String, String> blocks(String markdown) {
        Map<String, String> found = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?ms)^\\s*```bash runbook:([a-z-]+)\\s*$(.*?)^\\s*```\\s*$").matcher(markdown);
        while (m.find()) {
            String indented = m.group(2);
            found.put(m.group(1), String.join("\n", indented.lines().map(l -> l.replaceFirst("^ {0,3}", "")).toList()));
        }
        return found;
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(WORK.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }

    /** Debian's PostgreSQL 15 as a server of its own (what a bureau runs), on a port of its own, loopback only. */
    private static void startPostgres() throws Exception {
        PG_DIR = Files.createTempDirectory("xuke-runbook-pg-");
        Path data = PG_DIR.resolve("data");
        Files.createDirectories(data);
        if (isRoot()) {
            run(List.of("chown", "-R", "postgres", PG_DIR.toString()), Map.of());
        }
        Result init = asPostgres(List.of(PG_BIN.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
                "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"));
        assertEquals(0, init.exit, init.output);
        Result start = asPostgres(List.of(PG_BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
                PG_DIR.resolve("pg.log").toString(), "-w", "-o", "-p " + PG_PORT
                        + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=''", "start"));
        assertEquals(0, start.exit, start.output);
        assertFalse(Stream.of("pg_dump", "pg_restore", "psql").anyMatch(p -> !Files.isExecutable(PG_BIN.resolve(p))),
                "PostgreSQL 15's client programs");
    }

    private static Result asPostgres(List<String> command) throws Exception {
        if (!isRoot()) {
            return run(command, Map.of());
        }
        List<String> as = new java.util.ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        as.addAll(command);
        return run(as, Map.of());
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
