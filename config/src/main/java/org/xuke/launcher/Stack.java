package org.xuke.launcher;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL plus a configured Payara: what the run command brings up with the EAR deployed, and
 * what the integration tests bring up once per test run (Arquillian then deploys into it).
 */
public final class Stack implements AutoCloseable {

    /** JNDI names the application looks up; created here, never inside the artifact. */
    public static final String DATASOURCE = "jdbc/xuke";
    public static final String MAIL_SESSION = "mail/xuke";
    /** Where the tests' SMS endpoint listens (their stand-in for a provider's HTTP interface). */
    public static final String TEST_SMS_URL = "http://127.0.0.1:3991/sms";
    public static final List<String[]> QUEUES = List.of(
            new String[] {"XukeLicenceOut", "jms/xuke/customs/LicenceOut"},
            new String[] {"XukeCustomsReceipts", "jms/xuke/customs/Receipts"},
            new String[] {"XukeCustomsUsage", "jms/xuke/customs/Usage"},
            new String[] {"XukeDeadLetter", "jms/xuke/DeadLetter"});

    private final Settings settings;
    private final Database database;
    private final PayaraServer payara;
    private final MailServer mail = new MailServer();

    private Stack(Settings settings) {
        this.settings = settings;
        this.database = new Database(settings);
        this.payara = new PayaraServer(settings);
    }

    /** Starts PostgreSQL and a configured Payara; deploys the EAR when {@code deploy} is set. */
    public static Stack start(boolean forTests, boolean deploy) throws Exception {
        Settings settings = Settings.fromSystemProperties(forTests);
        Stack stack = new Stack(settings);
        try {
            stack.bringUp(deploy);
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    private void bringUp(boolean deploy) throws Exception {
        Progress progress = new Progress(deploy ? 6 : 4);
        progress.step(settings.embeddedDatabase() ? "starting PostgreSQL (embedded, first start unpacks binaries)"
                + " and the mail server" : "checking the external PostgreSQL; starting the mail server");
        database.start();
        mail.start();
        progress.step("unpacking Payara Server into " + payara.home()
                + " (fresh domain, loopback only; deployment CA in " + settings.caDir() + ")");
        payara.install();
        progress.step("starting Payara domain (log: " + payara.domainDir().resolve("logs/server.log") + ")");
        payara.start();
        progress.step("creating JDBC pool, JMS broker resources and batch repository with asadmin");
        payara.configure(resourceCommands());
        if (settings.customsSim() != null && Files.isRegularFile(settings.customsSim())) {
            // outside the portal, on the same server for the demo and the tests: it only shares the queues
            payara.deployApp(settings.customsSim(), "customs-sim", "/customs-sim");
        }
        if (deploy) {
            progress.step("deploying " + settings.ear().getFileName()
                    + " (schema migrations and reference catalogues load on first start)");
            payara.deploy(settings.ear());
            progress.step("waiting for the portal to answer");
            PayaraServer.awaitHttp("http://" + Settings.LOOPBACK + ":" + settings.httpPort() + "/", Duration.ofMinutes(3));
        }
        Progress.info("ready after " + progress.elapsed() + " s");
    }

    List<String> resourceCommands() {
        return resourceCommandsFor(database.poolProperties());
    }

    /** The asadmin commands creating the application's resources, for a pool with these properties. */
    static List<String> resourceCommandsFor(String poolProperties) {
        List<String> commands = new ArrayList<>();
        commands.add("set configs.config.server-config.admin-service.das-config.autodeploy-enabled=false");
        commands.add("set configs.config.server-config.admin-service.das-config.dynamic-reload-enabled=false");
        commands.add("create-jdbc-connection-pool --datasourceclassname=org.postgresql.ds.PGSimpleDataSource"
                + " --restype=javax.sql.DataSource --steadypoolsize=4 --maxpoolsize=48"
                + " --isconnectvalidatereq=true --validationmethod=custom-validation"
                + " --validationclassname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation"
                + " --failconnection=true --statementcachesize=64"
                + " --property " + poolProperties + " xuke-pool");
        commands.add("create-jdbc-resource --connectionpoolid=xuke-pool " + DATASOURCE);
        // Jakarta Batch keeps its job repository in the same PostgreSQL (default would be H2).
        // no table prefix: Payara applies a prefix only from its next start, so a repository begun in the
        // first lifetime (unprefixed tables) was not found after a restart (the crash test saw it)
        commands.add("set-batch-runtime-configuration --datasourcelookupname=" + DATASOURCE);
        commands.add("create-jms-resource --restype=jakarta.jms.ConnectionFactory jms/xuke/ConnectionFactory");
        // notices by e-mail go to the embedded SMTP server; a bureau points this at its relay (docs/OPERATIONS.md)
        commands.add("create-javamail-resource --mailhost " + Settings.LOOPBACK + " --mailuser xuke"
                + " --fromaddress noreply@xuke.localhost --property mail-smtp-port=" + MailServer.SMTP_PORT
                + ":mail-smtp-connectiontimeout=5000:mail-smtp-timeout=10000 " + MAIL_SESSION);
        // Physical queues are auto-created by the broker on first use: create-jmsdest needs the
        // broker's JMX connector, which fails once the broker is bound to the loopback address.
        for (String[] queue : QUEUES) {
            commands.add("create-jms-resource --restype=jakarta.jms.Queue --property=Name=" + queue[0] + " " + queue[1]);
        }
        return commands;
    }

    /**
     * The fault test's power cut: Payara is killed (SIGKILL) at a moment the test picks from what is
     * in the database (the process is frozen while it looks); PostgreSQL keeps running.
     */
    public boolean killPayara(java.util.function.BooleanSupplier moment, int tries) throws Exception {
        boolean found = payara.kill(moment, tries);
        Progress.info("Payara killed (SIGKILL)" + (found ? "" : ", the moment sought not found"));
        return found;
    }

    /** Starts Payara again after {@link #killPayara}; returns once the portal answers (its deployments start with it). */
    public void restartPayara() throws Exception {
        payara.startAgain();
        // "/" answers from the server's default page before the portal is loaded: ask a page of the portal
        String base = "http://" + Settings.LOOPBACK + ":" + settings.httpPort();
        PayaraServer.awaitHttp(base + "/public/ping.xhtml", Duration.ofMinutes(3));
        if (settings.customsSim() != null) {
            PayaraServer.awaitHttp(base + "/customs-sim/", Duration.ofMinutes(1));
        }
        Progress.info("Payara answers again");
    }

    /** The admin password of this stack's domain (for the integration tests' Arquillian connection). */
    public static String adminPassword(Stack stack) throws java.io.IOException {
        return PayaraServer.adminPassword(stack.settings.caDir());
    }

    public Settings settings() {
        return settings;
    }

    /** The embedded mail server (the tests read what arrived, and stop and start it). */
    public MailServer mail() {
        return mail;
    }

    @Override
    public void close() {
        payara.stop();
        mail.stop();
        try {
            database.close();
        } catch (Exception e) {
            Progress.info("stopping PostgreSQL failed: " + e.getMessage());
        }
    }
}
