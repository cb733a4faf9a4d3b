package org.xuke.launcher;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.xuke.identity.CertificateIssuer;
import org.xuke.identity.DeploymentCa;

/**
 * The same EAR on WildFly (standalone-full: Artemis for JMS, JBeret for batch), with EclipseLink as
 * its persistence provider: unpacked from the distribution once, its {@code standalone/} folder afresh
 * on every start, configured offline by {@code config/wildfly/xuke.cli} before the first boot.
 */
final class WildFlyServer {

    /** HTTP, HTTPS (the portal's, as on Payara), management HTTP and HTTPS. */
    static final int[] PORTS = {8080, 8181, 9990, 9993};

    private final Settings settings;
    private final Path home;
    private Process process;

    WildFlyServer(Settings settings) {
        this.settings = settings;
        this.home = settings.workDir().resolve("wildfly");
    }

    Path home() {
        return home;
    }

    void install() throws Exception {
        Path zipFile = settings.wildflyZip();
        Path marker = home.resolve(".unpacked-from");
        String source = zipFile.getFileName() + " " + Files.size(zipFile);
        boolean fresh = !Files.isRegularFile(marker) || !Files.readString(marker).equals(source);
        if (fresh && Files.exists(home)) {
            Database.deleteTree(home);
        }
        if (!fresh && Files.exists(home.resolve("standalone"))) {
            Database.deleteTree(home.resolve("standalone"));
        }
        // the zip's first folder is wildfly-<version>/: stripped
        Archives.unpack(zipFile, home, name -> {
            String relative = name.substring(name.indexOf('/') + 1);
            return relative.isEmpty() || (!fresh && !relative.startsWith("standalone/")) ? null : home.resolve(relative);
        }, name -> name.contains("/bin/") && name.endsWith(".sh"));
        if (fresh) {
            installModules();
            Files.writeString(marker, source);
        }
        configure();
    }

    /** The PostgreSQL driver as a module, and EclipseLink into WildFly's (empty) org.eclipse.persistence module. */
    private void installModules() throws IOException {
        Path postgres = home.resolve("modules/org/postgresql/main");
        Files.createDirectories(postgres);
        Files.copy(settings.jdbcDriver(), postgres.resolve("postgresql.jar"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(postgres.resolve("module.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <module xmlns="urn:jboss:module:1.9" name="org.postgresql">
                    <resources>
                        <resource-root path="postgresql.jar"/>
                    </resources>
                    <dependencies>
                        <module name="java.sql"/>
                        <module name="java.logging"/>
                        <module name="java.management"/>
                        <module name="java.naming"/>
                        <module name="java.security.jgss"/>
                        <module name="jakarta.transaction.api"/>
                    </dependencies>
                </module>
                """, StandardCharsets.UTF_8);
        Path eclipselink = home.resolve("modules/system/layers/base/org/eclipse/persistence/main");
        Files.copy(settings.eclipselinkJar(), eclipselink.resolve("eclipselink.jar"), StandardCopyOption.REPLACE_EXISTING);
        Path module = eclipselink.resolve("module.xml");
        String xml = Files.readString(module, StandardCharsets.UTF_8);
        if (!xml.contains("eclipselink.jar")) {
            // EclipseLink itself needs a few JDK modules WildFly's integration module does not list
            Files.writeString(module, xml.replace("<resources>",
                    "<resources>\n        <resource-root path=\"eclipselink.jar\"/>").replace("<dependencies>",
                    "<dependencies>\n        <module name=\"java.rmi\"/>\n        <module name=\"java.sql\"/>"
                            + "\n        <module name=\"java.xml\"/>\n        <module name=\"java.desktop\"/>"),
                    StandardCharsets.UTF_8);
        }
    }

    /** The TLS stores from the deployment CA and the CLI script, with this run's values. */
    private void configure() throws Exception {
        Path configuration = home.resolve("standalone/configuration");
        String storePassword = CertificateSetup.randomPassword();
        DeploymentCa ca = CertificateSetup.openCa(settings.caDir());
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("xuke-root", CertificateSetup.jdk(ca.root()));
        CertificateSetup.save(trust, configuration.resolve(CertificateSetup.EKEY_TRUSTSTORE), storePassword.toCharArray());
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        var server = CertificateSetup.serverKey(ca, CertificateIssuer.LOOPBACK_NAMES);
        keys.setKeyEntry("server", server.key(), storePassword.toCharArray(), server.chain());
        CertificateSetup.save(keys, configuration.resolve("xuke-server.p12"), storePassword.toCharArray());

        Properties values = new Properties();
        values.setProperty("xuke.db.url", "jdbc:postgresql://" + Settings.LOOPBACK + ":" + settings.embeddedDbPort()
                + "/" + Database.NAME);
        if (!settings.embeddedDatabase()) {
            values.setProperty("xuke.db.url", settings.externalDbUrl());
        }
        values.setProperty("xuke.db.user", settings.dbUser());
        values.setProperty("xuke.db.password", settings.dbPassword());
        values.setProperty("xuke.mail.host", Settings.LOOPBACK);
        values.setProperty("xuke.mail.port", String.valueOf(MailServer.SMTP_PORT));
        values.setProperty("xuke.mail.from", "noreply@xuke.localhost");
        values.setProperty("xuke.tls.keystore", configuration.resolve("xuke-server.p12").toString());
        values.setProperty("xuke.tls.truststore", configuration.resolve(CertificateSetup.EKEY_TRUSTSTORE).toString());
        values.setProperty("xuke.tls.password", storePassword);
        values.setProperty("xuke.publicBaseUrl", "https://127.0.0.1:8181");
        values.setProperty("xuke.ca.keystore", settings.caDir().resolve("authority").toString());
        values.setProperty("xuke.ca.passwordFile", CertificateSetup.passwordFile(settings.caDir()).toString());
        values.setProperty("xuke.declarations.dir", settings.declarationsDir().toString());
        Path properties = configuration.resolve("xuke-cli.properties");
        try (Writer out = Files.newBufferedWriter(properties, StandardCharsets.UTF_8)) {
            values.store(out, "values for config/wildfly/xuke.cli (this run's; the store password is new each start)");
        }
        // the script's ${xuke.*} values are this run's, put into the configuration (not left as expressions)
        Path cliXml = home.resolve("bin/jboss-cli.xml");
        Files.writeString(cliXml, Files.readString(cliXml, StandardCharsets.UTF_8).replace(
                "<resolve-parameter-values>false</resolve-parameter-values>",
                "<resolve-parameter-values>true</resolve-parameter-values>"), StandardCharsets.UTF_8);
        try {
            cli("--file=" + settings.wildflyCli(), "--properties=" + properties);
        } finally {
            // it holds the database and key store passwords; the configuration has them now
            Files.deleteIfExists(properties);
        }
        List<String> extra = new ArrayList<>(List.of("embed-server --server-config=standalone-full.xml --std-out=discard"));
        if (settings.demoDir() != null) {
            extra.add("/system-property=xuke.demo.accounts:add(value=\"" + PayaraServer.DEMO_ACCOUNTS + "\")");
            extra.add("/system-property=xuke.demo.dir:add(value=\"" + settings.demoDir() + "\")");
            extra.add("/system-property=xuke.demo.customsSim:add(value=\"http://127.0.0.1:8080/customs-sim/\")");
        }
        if (settings.smsUrl() != null) {
            extra.add("/system-property=xuke.sms.url:add(value=\"" + settings.smsUrl() + "\")");
        }
        extra.add("stop-embedded-server");
        Path extraFile = configuration.resolve("xuke-run.cli");
        Files.write(extraFile, extra, StandardCharsets.UTF_8);
        cli("--file=" + extraFile);
    }

    void start() throws Exception {
        Ports.requireFree(PORTS, "WildFly");
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/standalone.sh").toString(),
                "-c", "standalone-full.xml").redirectErrorStream(true)
                .redirectOutput(home.resolve("standalone/console.log").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JAVA_OPTS", "-Xmx2g -Djava.net.preferIPv4Stack=true");
        process = builder.start();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("WildFly ended; see " + home.resolve("standalone/console.log"));
            }
            try {
                if (cli("-c", "--command=:read-attribute(name=server-state)").contains("running")) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // the management interface is not up yet
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("WildFly did not start within 3 minutes");
    }

    void deploy(Path archive, String runtimeName) throws Exception {
        cli("-c", "--command=deploy " + archive + " --name=" + runtimeName + " --runtime-name=" + runtimeName + " --force");
    }

    void stop() {
        if (process == null) {
            return;
        }
        try {
            cli("-c", "--command=shutdown");
            process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            Progress.info("WildFly shutdown failed (" + e.getMessage() + "); ending the process");
        }
        process.destroy();
        process = null;
        Progress.info("WildFly stopped");
    }

    private String cli(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/jboss-cli.sh").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process cli = builder.start();
        String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = cli.waitFor();
        Files.writeString(settings.workDir().resolve("jboss-cli.log"), "$ jboss-cli " + String.join(" ", arguments)
                + "\n" + output, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        if (exit != 0) {
            throw new IllegalStateException("jboss-cli " + String.join(" ", arguments) + " failed:\n" + output);
        }
        return output;
    }
}
