package org.xuke.launcher;

import java.util.concurrent.CountDownLatch;

/**
 * The run command: PostgreSQL, Payara, the EAR with its demo data, then wait in the foreground
 * until Ctrl-C, which stops Payara and PostgreSQL.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Progress.info("xuke 许可 - starting the portal with demo data (Ctrl-C stops everything)");
        Stack stack = Stack.start(false, true);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Progress.info("stopping ...");
            stack.close();
            stopped.countDown();
        }, "xuke-stop"));
        String base = "http://" + Settings.LOOPBACK + ":" + stack.settings().httpPort();
        System.out.println();
        System.out.println("  门户 Portal           " + base + "/");
        System.out.println("  企业端 Enterprise     " + base + "/enterprise/");
        System.out.println("  管理端 Officer        " + base + "/officer/");
        System.out.println("  公共查询 Public       " + base + "/public/");
        System.out.println("  Payara admin console http://" + Settings.LOOPBACK + ":4848/ (loopback only)");
        System.out.println("  Demo accounts        none yet: sign-in arrives with the identity work; the portals are open");
        System.out.println("  Database             " + (stack.settings().embeddedDatabase()
                ? "embedded PostgreSQL, data in " + stack.settings().dataDir() + " (-Dxuke.reset=true starts afresh)"
                : stack.settings().externalDbUrl()));
        System.out.println();
        Progress.info("running; press Ctrl-C to stop");
        stopped.await();
    }
}
