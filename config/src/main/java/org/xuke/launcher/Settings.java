package org.xuke.launcher;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the launcher needs to know, from system properties (the Maven build passes the artifact
 * paths; users pass -D switches on the command line). See docs/OPERATIONS.md for the list.
 */
record Settings(Path payaraZip, Path ear, Path customsSim, Path jdbcDriver, Path workDir, Path dataDir, Path caDir, Path demoDir,
        boolean reset,
        int embeddedDbPort, String externalDbUrl, String dbUser, String dbPassword, int httpPort,
        Path declarationsDir, String smsUrl, String server, Path wildflyZip, Path eclipselinkJar, Path wildflyCli) {

    static final String LOOPBACK = "127.0.0.1";

    static Settings fromSystemProperties(boolean forTests) {
        Path workDir = Path.of(required("xuke.work")).toAbsolutePath();
        Path defaultData = forTests ? workDir.resolve("pgdata")
                : Path.of(System.getProperty("user.home"), ".xuke", "pgdata");
        return new Settings(
                existing(required("xuke.payara.zip")),
                System.getProperty("xuke.ear") == null ? null : Path.of(System.getProperty("xuke.ear")),
                // the customs simulator, deployed beside the EAR where the build passes it
                System.getProperty("xuke.customsSim") == null ? null : Path.of(System.getProperty("xuke.customsSim")),
                existing(required("xuke.jdbc.driver")),
                workDir,
                Path.of(System.getProperty("xuke.data", defaultData.toString())).toAbsolutePath(),
                Path.of(System.getProperty("xuke.ca", (forTests ? workDir.resolve("ca")
                        : Path.of(System.getProperty("user.home"), ".xuke", "ca")).toString())).toAbsolutePath(),
                // Demo accounts only for the run command; the tests run the production configuration.
                // (the WildFly test asks for them with -Dxuke.demo.dir: its people are the demo's)
                System.getProperty("xuke.demo.dir") != null ? Path.of(System.getProperty("xuke.demo.dir")).toAbsolutePath()
                        : forTests ? null : Path.of(System.getProperty("user.home"), ".xuke", "demo").toAbsolutePath(),
                forTests || Boolean.getBoolean("xuke.reset"),
                Integer.getInteger("xuke.db.port", forTests ? 15433 : 15432),
                blankToNull(System.getProperty("db.url")),
                System.getProperty("db.user", "xuke"),
                System.getProperty("db.password", "xuke"),
                8080,
                // customs' declarations files to catch up after an outage (the reconciliation reads them)
                Path.of(System.getProperty("xuke.declarations", (forTests ? workDir.resolve("declarations")
                        : Path.of(System.getProperty("user.home"), ".xuke", "declarations")).toString()))
                        .toAbsolutePath(),
                // SMS off by default; a provider's address turns it on (the tests' endpoint in the tests)
                forTests ? Stack.TEST_SMS_URL : blankToNull(System.getProperty("xuke.sms.url")),
                // the application server: payara (default) or wildfly (-Pwildfly; docs/OPERATIONS.md "WildFly")
                System.getProperty("xuke.server", "payara"),
                optional("xuke.wildfly.zip"), optional("xuke.eclipselink.jar"), optional("xuke.wildfly.cli"));
    }

    boolean wildfly() {
        return "wildfly".equals(server);
    }

    private static Path optional(String name) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() || value.startsWith("${") ? null : Path.of(value).toAbsolutePath();
    }

    boolean embeddedDatabase() {
        return externalDbUrl == null;
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set (run through Maven: see README)");
        }
        return value;
    }

    private static Path existing(String path) {
        Path p = Path.of(path);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("Not found: " + p);
        }
        return p;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
