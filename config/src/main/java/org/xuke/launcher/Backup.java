package org.xuke.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.xuke.launcher.AdminTool.Home;
import org.xuke.launcher.AdminTool.Options;

/**
 * {@code backup} / {@code restore}: the database (pg_dump's custom format), and the files no dump
 * holds: the CA, the server's passwords and password aliases, the key stores, domain.xml. One folder
 * per backup with a SHA-256 of each part, checked before anything is restored.
 */
final class Backup {

    static final String DUMP = "database.dump";
    static final String FILES = "files.zip";
    static final String SUMS = "SHA256SUMS";
    /** The domain's files that hold what the set-up made (key stores, aliases, admin users). */
    static final List<String> DOMAIN_FILES = List.of("config/domain.xml", "config/keystore.p12", "config/cacerts.p12",
            "config/" + CertificateSetup.EKEY_TRUSTSTORE, "config/domain-passwords", "config/admin-keyfile",
            "config/keyfile", "lib/postgresql.jar", DomainSetup.BROKER_USERS);

    private final Options options;
    private final Home home;
    private final Path domain;

    Backup(Options options) {
        this.options = options;
        this.home = options.home();
        this.domain = options.path("payara").resolve("glassfish/domains/" + options.get("domain", PayaraServer.DOMAIN));
    }

    int backup() throws Exception {
        Properties settings = home.loadSettings();
        Path target = options.path("to").resolve("xuke-backup-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC).format(Instant.now()));
        Files.createDirectories(target.getParent());
        Files.createDirectory(target, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        System.out.println("- database " + settings.getProperty("db.name") + " at " + settings.getProperty("db.host")
                + " (pg_dump, custom format)");
        postgres(settings, "pg_dump", "--format=custom", "--no-owner", "--file=" + target.resolve(DUMP));
        System.out.println("- files: " + home.ca() + ", the passwords in " + home.dir() + ", the domain's key stores,"
                + " aliases and domain.xml");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(target.resolve(FILES)))) {
            addTree(zip, home.dir(), home.ca(), "home/");
            for (Path file : List.of(home.adminPassword(), home.asadminLogin(), home.dbPassword(), home.settings())) {
                add(zip, file, "home/" + home.dir().relativize(file));
            }
            for (String name : DOMAIN_FILES) {
                add(zip, domain.resolve(name), "domain/" + name);
            }
        }
        List<String> sums = new ArrayList<>();
        for (String part : List.of(DUMP, FILES)) {
            sums.add(sha256(target.resolve(part)) + "  " + part);
        }
        Files.write(target.resolve(SUMS), sums, StandardCharsets.US_ASCII);
        AdminTool.ownerOnlyTree(target);
        Files.writeString(home.dir().resolve("last-backup"), Instant.now().toString() + " " + target + "\n");
        System.out.println("Backup written to " + target + " (" + (Files.size(target.resolve(DUMP))
                + Files.size(target.resolve(FILES))) / 1024 + " KiB). It holds the CA keys (encrypted) and the passwords"
                + " that open them: keep it encrypted, off this machine.");
        return 0;
    }

    /** Into an empty database and a set-up domain that is stopped; the portal then serves the backup's data. */
    int restore() throws Exception {
        Path source = options.path("from");
        for (String line : Files.readAllLines(source.resolve(SUMS), StandardCharsets.US_ASCII)) {
            String[] parts = line.split("  ", 2);
            if (!sha256(source.resolve(parts[1])).equals(parts[0])) {
                throw new IllegalStateException(parts[1] + " does not match its SHA-256 in " + SUMS + ": damaged backup");
            }
        }
        if (DomainSetup.running(domain)) {
            throw new IllegalStateException("the domain is running: stop it first (asadmin stop-domain)");
        }
        Map<String, byte[]> files = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(source.resolve(FILES)))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().contains("..")) {
                    throw new IllegalStateException("unsafe name in the backup: " + entry.getName());
                }
                files.put(entry.getName(), zip.readAllBytes());
            }
        }
        Properties settings = new Properties();
        try (Reader in = new java.io.StringReader(new String(files.get("home/xuke-admin.properties"),
                StandardCharsets.UTF_8))) {
            settings.load(in);
        }
        String dbPassword = new String(files.get("home/db-password"), StandardCharsets.UTF_8).strip();
        String tables = postgresOutput(settings, dbPassword, "psql", "--no-psqlrc", "--tuples-only", "--no-align",
                "--command=select count(*) from pg_tables where schemaname not in ('pg_catalog', 'information_schema')");
        if (!tables.strip().equals("0")) {
            throw new IllegalStateException("the database " + settings.getProperty("db.name") + " is not empty ("
                    + tables.strip() + " tables): restore goes into a new, empty database only");
        }
        System.out.println("- database " + settings.getProperty("db.name") + " at " + settings.getProperty("db.host"));
        postgresOutput(settings, dbPassword, "pg_restore", "--no-owner", "--exit-on-error", "--single-transaction",
                source.resolve(DUMP).toString());
        System.out.println("- files: " + files.size() + " into " + home.dir() + " and " + domain);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path target = file.getKey().startsWith("home/")
                    ? home.dir().resolve(file.getKey().substring("home/".length()))
                    : domain.resolve(file.getKey().substring("domain/".length()));
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), ".restore-", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(temporary, file.getValue());
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        AdminTool.ownerOnlyTree(home.ca());
        // empty in a backup, so not in it: a new server needs them all the same
        for (Path folder : List.of(home.bootstrap(), home.declarations())) {
            Files.createDirectories(folder);
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
        System.out.println("Restored from " + source + ". Start the domain: asadmin start-domain");
        return 0;
    }

    private void postgres(Properties settings, String program, String... arguments) throws Exception {
        postgresOutput(settings, Files.readString(home.dbPassword(), StandardCharsets.UTF_8).strip(), program,
                arguments);
    }

    /** A PostgreSQL client program against the portal's database; the password through the environment. */
    private static String postgresOutput(Properties settings, String password, String program, String... arguments)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(program, "--host=" + settings.getProperty("db.host"),
                "--port=" + settings.getProperty("db.port"), "--username=" + settings.getProperty("db.user"),
                "--dbname=" + settings.getProperty("db.name")));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", password);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException(program + " not found: install PostgreSQL's client programs of the"
                    + " server's version (Debian: postgresql-client)", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(program + " failed:\n" + output.strip());
        }
        return output;
    }

    private static void addTree(ZipOutputStream zip, Path base, Path root, String prefix) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("missing: " + root);
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.filter(Files::isRegularFile).sorted().toList()) {
                add(zip, p, prefix + base.relativize(p));
            }
        }
    }

    private static void add(ZipOutputStream zip, Path file, String name) throws IOException {
        if (!Files.isRegularFile(file)) {
            return;
        }
        zip.putNextEntry(new ZipEntry(name));
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(zip);
        }
        zip.closeEntry();
    }

    static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file); OutputStream out = OutputStream.nullOutputStream()) {
            byte[] buffer = new byte[65536];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
