package org.xuke.launcher;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

/**
 * PostgreSQL plus a configured Payara: what the run command brings up with the EAR deployed, and
 * what the integration tests bring up once per test run (Arquillian then deploys into it).
 */
public final class Stack implements AutoCloseable {

    /** JNDI names the application looks up; created here, never inside the artifact. */
    public static final String DATASOURCE = Resources.DATASOURCE;
    /** Where the tests' SMS endpoint listens (their stand-in for a provider's HTTP interface). */
    public static final String TEST_SMS_URL = "http://127.0.0.1:3991/sms";

    private final Settings settings;
    private final Database database;
    private final PayaraServer payara;
    private final WildFlyServer wildfly;
    private final MailServer mail = new MailServer();
    private boolean closed;

    private Stack(Settings settings) {
        this.settings = settings;
        this.database = new Database(settings);
        this.payara = new PayaraServer(settings);
        this.wildfly = new WildFlyServer(settings);
    }

    /** Starts PostgreSQL and a configured Payara; deploys the EAR when {@code deploy} is set. */
    public static Stack start(boolean forTests, boolean deploy) throws Exception {
        return start(forTests, deploy, stack -> { });
    }

    /**
     * As {@link #start(boolean, boolean)}, handing the stack to {@code beforeStart} first: the run command
     * registers its Ctrl-C there, so that a Ctrl-C while the servers are still starting stops them too.
     */
    public static Stack start(boolean forTests, boolean deploy, java.util.function.Consumer<Stack> beforeStart)
            throws Exception {
        Settings settings = Settings.fromSystemProperties(forTests);
        Stack stack = new Stack(settings);
        beforeStart.accept(stack);
        try {
            stack.bringUp(deploy);
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    private void bringUp(boolean deploy) throws Exception {
        if (settings.wildfly()) {
            bringUpWildFly(deploy);
            return;
        }
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

    /** The same EAR on WildFly: configured by config/wildfly/xuke.cli before its first boot. */
    private void bringUpWildFly(boolean deploy) throws Exception {
        if (settings.wildflyZip() == null || settings.eclipselinkJar() == null || settings.wildflyCli() == null) {
            throw new IllegalStateException("WildFly needs -Dxuke.wildfly.zip, -Dxuke.eclipselink.jar and"
                    + " -Dxuke.wildfly.cli (the wildfly profile passes them: ./mvnw -Prun,wildfly verify)");
        }
        Progress progress = new Progress(deploy ? 5 : 3);
        progress.step(settings.embeddedDatabase() ? "starting PostgreSQL (embedded) and the mail server"
                : "checking the external PostgreSQL; starting the mail server");
        database.start();
        mail.start();
        progress.step("unpacking WildFly into " + wildfly.home() + " with EclipseLink and the PostgreSQL driver as"
                + " modules; applying " + settings.wildflyCli().getFileName() + " (loopback only)");
        wildfly.install();
        progress.step("starting WildFly (standalone-full; log: " + wildfly.home().resolve("standalone/log/server.log")
                + ")");
        wildfly.start();
        if (settings.customsSim() != null && Files.isRegularFile(settings.customsSim())) {
            wildfly.deploy(settings.customsSim(), "customs-sim.war");
        }
        if (deploy) {
            progress.step("deploying " + settings.ear().getFileName());
            wildfly.deploy(settings.ear(), "xuke.ear");
            progress.step("waiting for the portal to answer");
            PayaraServer.awaitHttp("http://" + Settings.LOOPBACK + ":" + settings.httpPort() + "/public/ping.xhtml",
                    Duration.ofMinutes(3));
        }
        Progress.info("ready after " + progress.elapsed() + " s");
    }

    List<String> resourceCommands() {
        return Resources.commands(database.poolProperties(), embeddedMailSession());
    }

    /** Notices by e-mail go to the embedded SMTP server; a bureau points this at its relay (setup-domain). */
    static String embeddedMailSession() {
        return Resources.mailSession(Settings.LOOPBACK, MailServer.SMTP_PORT, "noreply@xuke.localhost");
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

    /** What a test does while the server is down. */
    public interface WhileDown {
        void run() throws Exception;
    }

    /**
     * WildFly stopped, {@code whileDown} run (a test leaves the database as a killed server would), WildFly
     * started again; returns once the portal answers (its deployments start with it).
     */
    public void restartWildFly(WhileDown whileDown) throws Exception {
        wildfly.stop();
        whileDown.run();
        wildfly.start();
        PayaraServer.awaitHttp("http://" + Settings.LOOPBACK + ":" + settings.httpPort() + "/public/ping.xhtml",
                Duration.ofMinutes(3));
        Progress.info("WildFly answers again");
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

    /** Stops what is running; once (a Ctrl-C during a failed start closes it from two threads). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        payara.stop();
        wildfly.stop();
        mail.stop();
        try {
            database.close();
        } catch (Exception e) {
            Progress.info("stopping PostgreSQL failed: " + e.getMessage());
        }
    }
}
