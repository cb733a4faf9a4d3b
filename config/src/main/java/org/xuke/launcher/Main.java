package org.xuke.launcher;

import java.util.concurrent.CountDownLatch;

/**
 * The run command: PostgreSQL, Payara, the EAR with its demo data, then wait in the foreground
 * until Ctrl-C, which stops Payara and PostgreSQL.
 */
public final class Main {

    private Main() {
    }

    private static void printDemoAccounts(Settings settings) throws java.io.IOException {
        java.nio.file.Path file = settings.demoDir().resolve("accounts.txt");
        System.out.println("  Demo mode            the accounts below may sign in with their password alone (banner on every page)");
        if (!java.nio.file.Files.exists(file)) {
            System.out.println("  Demo accounts        not written yet (see " + file + ")");
            return;
        }
        System.out.println("  Demo accounts (" + file + "); each one-time password must be changed at first sign-in:");
        for (String line : java.nio.file.Files.readAllLines(file)) {
            System.out.println("    " + line);
        }
        System.out.println("  E-key login: import a .p12 file into the browser (Chrome: Settings > Privacy and security >");
        System.out.println("    Security > Manage certificates > Your certificates > Import; Firefox: Settings > Certificates)");
        System.out.println("    and trust " + settings.caDir().resolve("authority/root.crt") + " for the HTTPS page.");
    }

    public static void main(String[] args) throws Exception {
        Progress.info("xuke 许可 - starting the portal with demo data (Ctrl-C stops everything)");
        CountDownLatch stopped = new CountDownLatch(1);
        // registered before anything starts: a Ctrl-C while the servers start stops what is up already
        Stack stack = Stack.start(false, true, starting -> Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Progress.info("stopping ...");
            starting.close();
            stopped.countDown();
        }, "xuke-stop")));
        String base = "http://" + Settings.LOOPBACK + ":" + stack.settings().httpPort();
        System.out.println();
        System.out.println("  门户 Portal           " + base + "/");
        System.out.println("  企业端 Enterprise     " + base + "/enterprise/");
        System.out.println("  管理端 Officer        " + base + "/officer/");
        System.out.println("  参数目录 Catalogues   " + base + "/public/catalog.xhtml");
        System.out.println("  登录 Sign-in          https://" + Settings.LOOPBACK + ":8181/login.xhtml");
        if (stack.settings().customsSim() != null) {
            System.out.println("  海关模拟器 Customs sim " + base + "/customs-sim/ (receipts for issued licences;"
                    + " declare goods against them)");
        }
        if (stack.settings().wildfly()) {
            System.out.println("  WildFly              management on " + Settings.LOOPBACK + ":9990 (loopback only);"
                    + " configuration from config/wildfly/xuke.cli, log in config/target/run/wildfly/standalone/log/");
        } else {
            System.out.println("  Payara admin console http://" + Settings.LOOPBACK + ":4848/ (loopback only), user "
                    + PayaraServer.ADMIN_USER + ", password in " + stack.settings().caDir().resolve("admin-password")
                    + (PayaraServer.adminPasswordCreated ? " (new: "
                            + PayaraServer.adminPassword(stack.settings().caDir()) + ", shown this once)" : ""));
        }
        System.out.println("  邮件 Mail             notices by e-mail arrive at the embedded SMTP server " + Settings.LOOPBACK
                + ":" + MailServer.SMTP_PORT + "; read them with any IMAP client at " + Settings.LOOPBACK + ":"
                + MailServer.IMAP_PORT + " (no TLS), user name and password = the recipient's address"
                + " (each user sets his address under 消息设置); kept in memory until Ctrl-C");
        printDemoAccounts(stack.settings());
        System.out.println("  Database             " + (stack.settings().embeddedDatabase()
                ? "embedded PostgreSQL, data in " + stack.settings().dataDir() + " (-Dxuke.reset=true starts afresh)"
                : stack.settings().externalDbUrl()));
        System.out.println();
        Progress.info("running; press Ctrl-C to stop");
        stopped.await();
    }
}
