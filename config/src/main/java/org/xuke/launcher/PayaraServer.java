package org.xuke.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A Payara Server 6 installation under the work folder: unpacked from the distribution zip, its
 * domain reset to the distribution's on every start (so the configuration is always the one these
 * scripts make), every listener bound to the loopback address, resources created with asadmin.
 */
final class PayaraServer {

    static final String DOMAIN = "domain1";
    /** The accounts DemoData creates; kept in step with it. */
    static final String DEMO_ACCOUNTS = "QIYE,QYADMIN,CHUSHEN,FUSHEN,FAZHENG,JGADMIN,FUWU";
    private static final String ROOT = "payara6/";

    private final Settings settings;
    private final Path home;
    private boolean started;

    PayaraServer(Settings settings) {
        this.settings = settings;
        this.home = settings.workDir().resolve("payara6");
    }

    Path home() {
        return home;
    }

    Path domainDir() {
        return home.resolve("glassfish/domains/" + DOMAIN);
    }

    /** Unpacks the server once per distribution, and the domain afresh every time. */
    void install() throws IOException {
        Path marker = home.resolve(".unpacked-from");
        String source = settings.payaraZip().getFileName() + " " + Files.size(settings.payaraZip());
        boolean fresh = !Files.isRegularFile(marker) || !Files.readString(marker).equals(source);
        if (fresh && Files.exists(home)) {
            Database.deleteTree(home);
        }
        if (!fresh && Files.exists(domainDir())) {
            Database.deleteTree(domainDir());
        }
        String domainPrefix = ROOT + "glassfish/domains/" + DOMAIN + "/";
        Archives.unpack(settings.payaraZip(), settings.workDir(),
                name -> !name.startsWith(ROOT) || (!fresh && !name.startsWith(domainPrefix)) ? null
                        : settings.workDir().resolve(name),
                name -> name.contains("/bin/") || name.endsWith("/lib/nadmin"));
        if (fresh) {
            Files.writeString(marker, source);
        }
        Path domainXml = domainDir().resolve("config/domain.xml");
        String xml = LoopbackDomainConfig.apply(Files.readString(domainXml, StandardCharsets.UTF_8));
        xml = LoopbackDomainConfig.withEkeyLogin(xml, settings.caDir().resolve("authority"),
                CertificateSetup.passwordFile(settings.caDir()));
        xml = LoopbackDomainConfig.withPublicAddress(xml, "https://127.0.0.1:8181");
        xml = LoopbackDomainConfig.withDeclarationsFolder(xml, settings.declarationsDir());
        if (settings.smsUrl() != null) {
            xml = LoopbackDomainConfig.withSms(xml, settings.smsUrl());
        }
        xml = LoopbackDomainConfig.withHardenedHttp(xml);
        if (settings.demoDir() != null) {
            xml = LoopbackDomainConfig.withDemo(xml, DEMO_ACCOUNTS, settings.demoDir());
        }
        Files.writeString(domainXml, xml, StandardCharsets.UTF_8);
        try {
            CertificateSetup.installInto(domainDir().resolve("config"), CertificateSetup.openCa(settings.caDir()));
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("Cannot set up the domain's TLS stores", e);
        }
        // The pool's driver goes into the domain's lib folder, outside the application.
        Files.copy(settings.jdbcDriver(), domainDir().resolve("lib/" + settings.jdbcDriver().getFileName()),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** The ports Payara 6's default domain listens on (HTTP, HTTPS, admin, IIOP x3, JMS, JMX, Hazelcast). */
    static final int[] PORTS = {8080, 8181, 4848, 3700, 3820, 3920, 7676, 8686, 4900};

    /** asadmin's password file once the domain has its admin password (null before). */
    private Path adminLogin;

    void start() throws IOException, InterruptedException {
        Ports.requireFree(PORTS, "Payara Server");
        // Marked before the attempt: a domain that half started must still be stopped.
        started = true;
        asadmin("start-domain", DOMAIN);
        protectAdmin();
    }

    /**
     * Ends the domain process as a power cut would (SIGKILL: no shutdown hooks, no flush), for the
     * fault test; the domain, its deployments and the broker's store stay on disk. The process is
     * frozen first (SIGSTOP) and killed only once {@code moment} holds for what it left in the
     * database, else let go on for a few milliseconds and frozen again; after {@code tries} it is
     * killed whatever the moment. Returns whether the moment was found.
     */
    boolean kill(java.util.function.BooleanSupplier moment, int tries) throws IOException, InterruptedException {
        long pid = Long.parseLong(Files.readString(domainDir().resolve("config/pid")).strip());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
        boolean found = false;
        for (int i = 0; i < tries && !found; i++) {
            signal("STOP", pid);
            found = moment.getAsBoolean();
            if (!found) {
                signal("CONT", pid);
                Thread.sleep(2 + i % 7);
            }
        }
        process.destroyForcibly();
        try {
            process.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Payara (pid " + pid + ") did not end", e);
        }
        return found;
    }

    private static void signal(String name, long pid) throws IOException, InterruptedException {
        if (new ProcessBuilder("kill", "-" + name, String.valueOf(pid)).inheritIO().start().waitFor() != 0) {
            throw new IllegalStateException("kill -" + name + " " + pid + " failed");
        }
    }

    /** Starts the domain again after {@link #kill}: the same configuration and deployments. */
    void startAgain() throws IOException, InterruptedException {
        started = true;
        asadmin("start-domain", DOMAIN);
    }

    /**
     * The distribution's domain has an administrator without a password: the admin listener (and its
     * REST interface, which lists the JVM options) would answer anyone on the machine. The fresh
     * domain gets the deployment's admin password at once; every later asadmin call signs in with it.
     */
    private void protectAdmin() throws IOException, InterruptedException {
        String password = adminPassword(settings.caDir());
        Path change = secretFile("asadmin-change",
                "AS_ADMIN_PASSWORD=\nAS_ADMIN_NEWPASSWORD=" + password + "\n");
        try {
            asadmin("--user", ADMIN_USER, "--passwordfile", change.toString(), "change-admin-password");
        } finally {
            Files.deleteIfExists(change);
        }
        adminLogin = secretFile("asadmin-password", "AS_ADMIN_PASSWORD=" + password + "\n");
    }

    /** Whether this start made the admin password (the run command then prints it, once). */
    static boolean adminPasswordCreated;

    /** The administrator of the run and test domains. */
    static final String ADMIN_USER = "admin";

    /**
     * The admin password, generated on first use and kept owner-only beside the CA's password
     * ({@code ~/.xuke/ca/admin-password} for the run command, {@code config/target/it/ca} for tests).
     */
    static String adminPassword(Path caDir) throws IOException {
        Path file = caDir.resolve("admin-password");
        if (!Files.exists(file)) {
            adminPasswordCreated = true;
            Files.createDirectories(caDir);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, CertificateSetup.randomPassword(), StandardCharsets.UTF_8);
        }
        return Files.readString(file, StandardCharsets.UTF_8).strip();
    }

    private Path secretFile(String name, String content) throws IOException {
        Path file = settings.caDir().resolve(name);
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    /** Runs asadmin commands in one session (multimode), failing on the first error. */
    void configure(List<String> commands) throws IOException, InterruptedException {
        Path file = settings.workDir().resolve("asadmin-commands.txt");
        Files.write(file, commands, StandardCharsets.UTF_8);
        String output = asadmin("multimode", "--file", file.toString());
        // multimode exits 0 even when a command in it failed: check each.
        List<String> failed = output.lines().filter(l -> l.matches("Command \\S+ failed\\.")).toList();
        if (!failed.isEmpty()) {
            throw new IllegalStateException("asadmin configuration failed: " + failed + "\n" + output);
        }
    }

    void deploy(Path ear) throws IOException, InterruptedException {
        asadmin("deploy", "--force=true", "--name", "xuke", "--contextroot", "/", ear.toString());
    }

    void deployApp(Path archive, String name, String contextRoot) throws IOException, InterruptedException {
        asadmin("deploy", "--force=true", "--name", name, "--contextroot", contextRoot, archive.toString());
    }

    void stop() {
        if (!started) {
            return;
        }
        try {
            asadmin("stop-domain", "--kill=false", DOMAIN);
            Progress.info("Payara stopped");
        } catch (IOException | InterruptedException | IllegalStateException e) {
            Progress.info("asadmin stop-domain failed (" + e.getMessage().lines().findFirst().orElse("")
                    + "); ending the domain process");
        }
        // a domain still starting (Ctrl-C during start-domain) is "not running" to stop-domain: it ends here
        endDomainProcesses();
        started = false;
    }

    /**
     * Ends what is left of the domain: an asadmin of ours still running (a start-domain interrupted by Ctrl-C
     * would go on to launch the server) and the domain's server process, found by its instance root, not by
     * the pid file, which a server still starting has not written yet.
     */
    private void endDomainProcesses() {
        ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().map(c -> c.contains("appserver-cli.jar")).orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
        String instanceRoot = "-Dcom.sun.aas.instanceRoot=" + domainDir().toAbsolutePath();
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(instanceRoot + " ")).orElse(false))
                .forEach(p -> {
                    p.destroy();
                    try {
                        p.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (Exception e) {
                        p.destroyForcibly();
                    }
                });
    }

    /** Waits until a URL answers 200, or fails after the timeout. */
    static void awaitHttp(String url, Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
                last = "HTTP " + response.statusCode();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(url + " did not answer within " + timeout.toSeconds() + " s: " + last);
    }

    /** Runs asadmin, appends its output to asadmin.log and returns it; fails on a non-zero exit. */
    private String asadmin(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/asadmin").toString());
        command.add("--interactive=false");
        if (adminLogin != null) {
            command.addAll(List.of("--user", ADMIN_USER, "--passwordfile", adminLogin.toString()));
        }
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("AS_JAVA", System.getProperty("java.home"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        Files.writeString(settings.workDir().resolve("asadmin.log"), "$ asadmin " + String.join(" ", arguments)
                + "\n" + output, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        if (exit != 0) {
            throw new IllegalStateException("asadmin " + arguments[0] + " failed (exit " + exit + "):\n" + output);
        }
        return output;
    }
}
