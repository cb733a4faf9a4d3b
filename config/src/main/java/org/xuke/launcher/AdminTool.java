package org.xuke.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.xuke.identity.DeploymentCa;

/**
 * {@code java -jar xuke-admin.jar <command> [--option value ...]}: the operator's tool for a bureau's
 * own Payara and PostgreSQL (docs/OPERATIONS.md is its runbook). It reuses the run command's set-up
 * code, so a production domain is made the way the tests make theirs.
 */
public final class AdminTool {

    static final String USAGE = """
            xuke-admin <command> [--option value ...]   (docs/OPERATIONS.md)

              create-ca       --home DIR --name NAME [--password-file FILE]
              setup-domain    --home DIR --payara DIR --listen ADDRESS --hosts NAME[,NAME...] --public-url URL
                              --db-host HOST [--db-port 5432] [--db-name xuke] [--db-user xuke] --db-password-file FILE
                              [--deployment CODE] [--heap 4g] [--http-port 8080] [--https-port 8181]
                              [--mail-host HOST --mail-port 25 --mail-from ADDRESS]
              server-cert     --home DIR --payara DIR (--hosts NAME[,NAME...] | --csr FILE --hosts NAME[,...] | --import FILE)
              bootstrap-admin --home DIR --user NAME --name DISPLAY-NAME
              backup          --home DIR --payara DIR --to DIR
              restore         --home DIR --payara DIR --from DIR
              check           --home DIR --payara DIR
            Commands given --payara act on the domain domain1 unless --domain NAME says otherwise.
            """;

    private AdminTool() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
            System.out.println(USAGE);
            System.exit(args.length == 0 ? 2 : 0);
        }
        try {
            Options options = Options.parse(List.of(args).subList(1, args.length));
            int exit = switch (args[0]) {
                case "create-ca" -> createCa(options);
                case "setup-domain" -> new DomainSetup(options).setUp();
                case "server-cert" -> new DomainSetup(options).serverCertificate();
                case "bootstrap-admin" -> bootstrapAdmin(options);
                case "backup" -> new Backup(options).backup();
                case "restore" -> new Backup(options).restore();
                case "check" -> new HardeningCheck(options).run();
                default -> throw new IllegalArgumentException("unknown command " + args[0] + "\n" + USAGE);
            };
            System.exit(exit);
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("xuke-admin " + args[0] + ": " + e.getMessage());
            System.exit(1);
        } catch (Exception e) {
            System.err.println("xuke-admin " + args[0] + " failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    /** {@code --name value} pairs; every option a command reads must be given or have a default. */
    record Options(Map<String, String> values) {

        static Options parse(List<String> args) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < args.size(); i++) {
                String name = args.get(i);
                if (!name.startsWith("--") || i + 1 >= args.size()) {
                    throw new IllegalArgumentException("expected --option value, found " + name);
                }
                values.put(name.substring(2), args.get(++i));
            }
            return new Options(values);
        }

        String required(String name) {
            String value = values.get(name);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("--" + name + " is required\n" + USAGE);
            }
            return value.strip();
        }

        String get(String name, String otherwise) {
            String value = values.get(name);
            return value == null || value.isBlank() ? otherwise : value.strip();
        }

        boolean has(String name) {
            return values.containsKey(name);
        }

        Path path(String name) {
            return Path.of(required(name)).toAbsolutePath().normalize();
        }

        /** The xuke folder: the CA, the server's secrets, the bootstrap and declarations folders. */
        Home home() {
            return new Home(path("home"));
        }
    }

    /** The files under {@code --home}, one place for every command. */
    record Home(Path dir) {

        Path ca() {
            return dir.resolve("ca");
        }

        Path authority() {
            return ca().resolve("authority");
        }

        Path caPassword() {
            return ca().resolve("password");
        }

        Path adminPassword() {
            return dir.resolve("admin-password");
        }

        /** asadmin's password file: {@code asadmin --user admin --passwordfile <this>}. */
        Path asadminLogin() {
            return dir.resolve("asadmin-login");
        }

        Path dbPassword() {
            return dir.resolve("db-password");
        }

        Path settings() {
            return dir.resolve("xuke-admin.properties");
        }

        Path bootstrap() {
            return dir.resolve("bootstrap");
        }

        Path declarations() {
            return dir.resolve("declarations");
        }

        Properties loadSettings() throws IOException {
            Properties settings = new Properties();
            if (!Files.isRegularFile(settings())) {
                throw new IllegalStateException(settings() + " is missing: run setup-domain first");
            }
            try (Reader in = Files.newBufferedReader(settings(), StandardCharsets.UTF_8)) {
                settings.load(in);
            }
            return settings;
        }
    }

    /** The CA ceremony: made once, its password kept owner-only, fingerprints printed to be written down. */
    static int createCa(Options options) throws Exception {
        Home home = options.home();
        String name = options.required("name");
        if (Files.isRegularFile(home.authority().resolve("root.crt"))) {
            throw new IllegalStateException("a CA exists in " + home.authority()
                    + "; it is made once (its root is in every e-key). Restore it from a backup if lost.");
        }
        char[] password;
        if (options.has("password-file")) {
            password = Files.readString(options.path("password-file"), StandardCharsets.UTF_8).strip().toCharArray();
            checkCaPassword(password);
            writeOwnerOnly(home.caPassword(), new String(password));
        } else {
            password = CertificateSetup.randomPassword().toCharArray();
            writeOwnerOnly(home.caPassword(), new String(password));
        }
        DeploymentCa ca = DeploymentCa.openOrCreate(home.authority(), password, name, Clock.systemUTC());
        ownerOnlyTree(home.ca());
        System.out.println("Certificate authority created in " + home.authority());
        for (String alias : List.of(DeploymentCa.ROOT, DeploymentCa.TLS_CA, DeploymentCa.SEAL_CA)) {
            X509Certificate c = ca.certificate(alias);
            System.out.printf("  %-7s %s%n          valid %s to %s%n          SHA-256 %s%n", alias,
                    c.getSubjectX500Principal().getName(), c.getNotBefore().toInstant(), c.getNotAfter().toInstant(),
                    fingerprint(c));
        }
        System.out.println("""
                Write the root's SHA-256 fingerprint down on paper, signed by the two people present: browsers
                and customs check the root against it. The keys are encrypted (PBKDF2, 600,000 rounds) under the
                password in %s (owner-only). Password rules: at least 16 characters; generated (32
                random characters) unless --password-file gave one; never typed into the portal; kept by the server
                account alone, and a sealed paper copy with the backups. Back up the folder %s now
                (xuke-admin backup): without it no e-key can be issued and no licence seal verified.""".formatted(
                home.caPassword(), home.ca()));
        return 0;
    }

    static void checkCaPassword(char[] password) {
        if (password.length < 16) {
            throw new IllegalArgumentException("the CA password must have at least 16 characters");
        }
    }

    static String fingerprint(X509Certificate certificate) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    }

    /**
     * The first system administrator: a request dropped into the server's bootstrap folder, answered
     * by the running portal (identity.FirstAdministrator) with a one-time password and an e-key file.
     */
    static int bootstrapAdmin(Options options) throws Exception {
        Home home = options.home();
        String user = options.required("user").toUpperCase(java.util.Locale.ROOT);
        String displayName = options.required("name");
        if (!user.matches("[A-Z]{1,8}")) {
            // the portal's rule for user names (Account), said before anything is asked of the server
            throw new IllegalArgumentException("--user: 1 to 8 letters A-Z, e.g. XTGLY");
        }
        Path folder = home.bootstrap();
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException(folder + " is missing: run setup-domain first");
        }
        Path result = folder.resolve("result.properties");
        Files.deleteIfExists(result);
        Properties request = new Properties();
        request.setProperty("username", user);
        request.setProperty("displayName", displayName);
        request.setProperty("operator", System.getProperty("user.name", "?"));
        Path temporary = folder.resolve(".request.tmp");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (var out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            request.store(out, "xuke-admin bootstrap-admin");
        }
        Files.move(temporary, folder.resolve("request.properties"), StandardCopyOption.ATOMIC_MOVE);
        System.out.println("Request written to " + folder + "; waiting for the portal to take it (every 5 s) ...");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (!Files.isRegularFile(result)) {
            if (Instant.now().isAfter(deadline)) {
                Files.deleteIfExists(folder.resolve("request.properties"));
                throw new IllegalStateException("the portal did not answer within 2 minutes: is it deployed and"
                        + " running with -Dxuke.bootstrap.dir=" + folder + "? (request withdrawn)");
            }
            Thread.sleep(500);
        }
        Properties answer = new Properties();
        try (Reader in = Files.newBufferedReader(result, StandardCharsets.UTF_8)) {
            answer.load(in);
        }
        // the one-time password is shown here once and kept nowhere
        Files.delete(result);
        if (!"CREATED".equals(answer.getProperty("outcome"))) {
            System.err.println("Refused: " + answer.getProperty("reason"));
            return 1;
        }
        System.out.println("""
                First system administrator created (recorded in the audit log as FIRST_ADMINISTRATOR_CREATED).
                  User name             %s
                  One-time password     %s   (changed at the first sign-in; shown this once)
                  E-key file            %s   (owner-only; hand it over on a removable medium, then delete it)
                  E-key file password   %s
                He imports the e-key into his browser and signs in at the portal's HTTPS address.""".formatted(
                answer.getProperty("username"), answer.getProperty("oneTimePassword"), answer.getProperty("ekeyFile"),
                answer.getProperty("ekeyPassword")));
        return 0;
    }

    static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /** Folders 700, files 600: the CA's keys and passwords are for the server account alone. */
    static void ownerOnlyTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwx------"
                        : "rw-------"));
            }
        }
    }
}
