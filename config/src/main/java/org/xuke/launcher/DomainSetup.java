package org.xuke.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.xuke.identity.CertificateIssuer;
import org.xuke.identity.DeploymentCa;
import org.xuke.identity.KeyKind;
import org.xuke.launcher.AdminTool.Home;
import org.xuke.launcher.AdminTool.Options;

/**
 * {@code setup-domain} and {@code server-cert}: a bureau's existing Payara domain made into the
 * portal's server with the code that makes the run command's and the tests' domains
 * ({@link LoopbackDomainConfig}, {@link CertificateSetup}, {@link Resources}).
 */
final class DomainSetup {

    static final String DB_ALIAS = "xuke-db";
    static final String JMS_ALIAS = "xuke-jms-admin";
    /** The embedded OpenMQ broker's user file (made at its first start). */
    static final String BROKER_USERS = "imq/instances/imqbroker/etc/passwd";
    private static final String PENDING = "xuke-pending";

    private final Options options;
    private final Home home;
    private final Path payara;
    private final Path domain;

    DomainSetup(Options options) {
        this.options = options;
        this.home = options.home();
        this.payara = options.path("payara");
        this.domain = payara.resolve("glassfish/domains/" + options.get("domain", PayaraServer.DOMAIN));
    }

    int setUp() throws Exception {
        List<String> hosts = hosts();
        String listen = options.required("listen");
        String publicUrl = options.required("public-url");
        if (!publicUrl.startsWith("https://")) {
            throw new IllegalArgumentException("--public-url must be the portal's https:// address (printed on licences)");
        }
        if (!Files.isRegularFile(home.authority().resolve("root.crt"))) {
            throw new IllegalStateException("no CA in " + home.authority() + ": run create-ca first");
        }
        Path domainXml = domain.resolve("config/domain.xml");
        if (!Files.isRegularFile(domainXml)) {
            throw new IllegalStateException("no domain at " + domain + " (--payara, --domain)");
        }
        if (running(domain)) {
            throw new IllegalStateException("the domain is running: stop it first (asadmin stop-domain)");
        }
        String xml = Files.readString(domainXml, StandardCharsets.UTF_8);
        if (xml.contains("-Dxuke.ca.keystore")) {
            throw new IllegalStateException("this domain was set up already (" + domainXml
                    + "); change single settings with asadmin, or set up a fresh domain");
        }
        String dbPassword = Files.readString(options.path("db-password-file"), StandardCharsets.UTF_8).strip();
        Properties settings = new Properties();
        settings.setProperty("db.host", options.required("db-host"));
        settings.setProperty("db.port", options.get("db-port", "5432"));
        settings.setProperty("db.name", options.get("db-name", "xuke"));
        settings.setProperty("db.user", options.get("db-user", "xuke"));
        settings.setProperty("payara", payara.toString());
        settings.setProperty("domain", domain.getFileName().toString());
        for (String value : new String[] {settings.getProperty("db.host"), settings.getProperty("db.name"),
                settings.getProperty("db.user"), dbPassword}) {
            if (value.contains(":") || value.contains("=") || value.contains(" ") || value.contains("$")) {
                throw new IllegalArgumentException("database settings must not contain ':', '=', '$' or spaces");
            }
        }
        Integer.parseInt(settings.getProperty("db.port"));
        Files.createDirectories(home.dir());
        Files.setPosixFilePermissions(home.dir(), PosixFilePermissions.fromString("rwx------"));
        AdminTool.writeOwnerOnly(home.dbPassword(), dbPassword);
        try (Writer out = Files.newBufferedWriter(home.settings(), StandardCharsets.UTF_8)) {
            settings.store(out, "xuke-admin: where the portal's database and server are (no secrets)");
        }
        for (Path folder : List.of(home.bootstrap(), home.declarations())) {
            Files.createDirectories(folder);
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }

        step("domain.xml: portal listeners on " + listen + ", everything else on 127.0.0.1; e-key sign-in on HTTPS");
        Files.copy(domainXml, domain.resolve("config/domain.xml.before-xuke"), StandardCopyOption.REPLACE_EXISTING);
        xml = LoopbackDomainConfig.apply(xml);
        xml = LoopbackDomainConfig.withListenAddress(xml, listen, Integer.parseInt(options.get("http-port", "8080")),
                Integer.parseInt(options.get("https-port", "8181")));
        xml = LoopbackDomainConfig.withEkeyLogin(xml, home.authority(), home.caPassword());
        xml = LoopbackDomainConfig.withPublicAddress(xml, publicUrl);
        xml = LoopbackDomainConfig.withDeclarationsFolder(xml, home.declarations());
        xml = LoopbackDomainConfig.withHardenedHttp(xml);
        List<String> jvm = new ArrayList<>(List.of("-Xmx" + options.get("heap", "4g"),
                "-Dxuke.bootstrap.dir=" + home.bootstrap()));
        if (options.has("deployment")) {
            jvm.add("-Dxuke.deployment=" + options.required("deployment"));
        }
        xml = LoopbackDomainConfig.withJvmOptions(xml, jvm.toArray(String[]::new));
        Files.writeString(domainXml, xml, StandardCharsets.UTF_8);

        // the key stores keep Payara's master password as distributed: the folder is the server account's alone
        Files.setPosixFilePermissions(domain.resolve("config"), PosixFilePermissions.fromString("rwx------"));
        step("TLS: the CA root as the only e-key trust anchor; a server certificate for " + hosts);
        DeploymentCa ca = openCa();
        X509Certificate server = CertificateSetup.installInto(domain.resolve("config"), ca, hosts, storePassword());
        System.out.println("  server certificate " + server.getSubjectX500Principal().getName() + ", SHA-256 "
                + AdminTool.fingerprint(server));
        try (InputStream driver = AdminTool.class.getResourceAsStream("/drivers/postgresql.jar")) {
            if (driver == null) {
                throw new IllegalStateException("the PostgreSQL driver is missing from xuke-admin.jar");
            }
            Files.copy(driver, domain.resolve("lib/postgresql.jar"), StandardCopyOption.REPLACE_EXISTING);
        }

        step("starting the domain");
        Asadmin anonymous = new Asadmin(payara, null);
        anonymous.run("start-domain", domain.getFileName().toString());
        Asadmin asadmin = adminLogin(anonymous);

        step("password alias " + DB_ALIAS + " for the pool (no database password in domain.xml)");
        passwordAlias(DB_ALIAS, dbPassword);

        step("JDBC pool, JMS resources, batch repository, mail session, das-config");
        String pool = "serverName=" + settings.getProperty("db.host") + ":portNumber=" + settings.getProperty("db.port")
                + ":databaseName=" + settings.getProperty("db.name") + ":user=" + settings.getProperty("db.user")
                + ":password=${ALIAS=" + DB_ALIAS + "}";
        String mail = Resources.mailSession(options.get("mail-host", "127.0.0.1"),
                Integer.parseInt(options.get("mail-port", "25")), options.get("mail-from", "noreply@" + hosts.get(0)));
        List<String> commands = new ArrayList<>(Resources.commands(pool, mail));
        commands.add("ping-connection-pool " + Resources.POOL);
        asadmin.multimode(home.dir().resolve(".setup-commands.txt"), commands);
        Files.deleteIfExists(home.dir().resolve(".setup-commands.txt"));

        step("JMS broker: a new password for its admin user, which Payara reads from the alias " + JMS_ALIAS);
        asadmin.run("jms-ping");
        String jmsPassword = CertificateSetup.randomPassword();
        brokerAdminPassword(domain, jmsPassword);
        passwordAlias(JMS_ALIAS, jmsPassword);
        asadmin.run("set", "configs.config.server-config.jms-service.jms-host.default_JMS_host.admin-password=${ALIAS="
                + JMS_ALIAS + "}");

        step("secure admin (TLS on the admin listener), then a restart for it, the broker and the key stores");
        asadmin.run("enable-secure-admin");
        asadmin.run("restart-domain", domain.getFileName().toString());
        System.out.println("""

                Domain set up. Next (docs/OPERATIONS.md): deploy the EAR,
                  %s/bin/asadmin --user admin --passwordfile %s deploy --name xuke --contextroot / xuke.ear
                then the first system administrator: xuke-admin bootstrap-admin --home %s --user ... --name ...
                The admin password is in %s (owner-only).""".formatted(payara, home.asadminLogin(), home.dir(),
                home.adminPassword()));
        return 0;
    }

    /** A password alias; the secret goes to asadmin in an owner-only file, never on its command line. */
    private void passwordAlias(String alias, String secret) throws Exception {
        Path file = home.dir().resolve(".alias-password");
        AdminTool.writeOwnerOnly(file, "AS_ADMIN_PASSWORD=" + adminPassword() + "\nAS_ADMIN_ALIASPASSWORD=" + secret
                + "\n");
        try {
            new Asadmin(payara, file).run("create-password-alias", alias);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * OpenMQ keeps {@code user:hash:group:active} lines, the hash being MD5 of "user:password" as a signed
     * hexadecimal number; imqusermgr would need the broker's own tools and a started instance.
     */
    static void brokerAdminPassword(Path domain, String password) throws Exception {
        Path users = domain.resolve(BROKER_USERS);
        if (!Files.isRegularFile(users)) {
            throw new IllegalStateException("the broker's user file is missing: " + users);
        }
        String hash = new java.math.BigInteger(java.security.MessageDigest.getInstance("MD5")
                .digest(("admin:" + password).getBytes(StandardCharsets.UTF_8))).toString(16);
        List<String> lines = Files.readAllLines(users, StandardCharsets.UTF_8).stream()
                .map(l -> l.startsWith("admin:") ? "admin:" + hash + ":admin:1" : l).toList();
        Files.write(users, lines, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rw-------"));
    }

    /** The domain's admin password: generated into the home folder for a fresh domain (which has none). */
    private Asadmin adminLogin(Asadmin anonymous) throws Exception {
        if (!Files.isRegularFile(home.adminPassword())) {
            String password = CertificateSetup.randomPassword();
            Path change = home.dir().resolve(".admin-change");
            AdminTool.writeOwnerOnly(change, "AS_ADMIN_PASSWORD=\nAS_ADMIN_NEWPASSWORD=" + password + "\n");
            try {
                new Asadmin(payara, null).run("--user", PayaraServer.ADMIN_USER, "--passwordfile", change.toString(),
                        "change-admin-password");
            } finally {
                Files.deleteIfExists(change);
            }
            AdminTool.writeOwnerOnly(home.adminPassword(), password);
            System.out.println("  admin password generated into " + home.adminPassword());
        }
        AdminTool.writeOwnerOnly(home.asadminLogin(), "AS_ADMIN_PASSWORD=" + adminPassword() + "\n");
        return new Asadmin(payara, home.asadminLogin());
    }

    private String adminPassword() throws IOException {
        return Files.readString(home.adminPassword(), StandardCharsets.UTF_8).strip();
    }

    /** server-cert: from the deployment CA (intranet), or a CSR and the import of what a public CA signed. */
    int serverCertificate() throws Exception {
        Path config = domain.resolve("config");
        if (options.has("import")) {
            return importCertificate(config);
        }
        List<String> hosts = hosts();
        if (options.has("csr")) {
            KeyPair keys = CertificateIssuer.newKeyPair(KeyKind.EC_P256);
            PrivateKey key = jdkKey(keys.getPrivate());
            X500Name subject = new X500Name("CN=" + hosts.get(0));
            ExtensionsGenerator extensions = new ExtensionsGenerator();
            extensions.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(hosts.stream()
                    .map(h -> new GeneralName(h.matches("[0-9.]+") || h.contains(":") ? GeneralName.iPAddress
                            : GeneralName.dNSName, h)).toArray(GeneralName[]::new)));
            PKCS10CertificationRequest csr = new JcaPKCS10CertificationRequestBuilder(subject, keys.getPublic())
                    .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
            // the key waits in the domain key store, under a self-signed stand-in, for the signed certificate
            Instant now = Instant.now();
            X509Certificate standIn = CertificateSetup.jdk(CertificateIssuer.selfSigned(subject, keys, KeyKind.EC_P256,
                    now, now.plus(Duration.ofDays(30))));
            KeyStore store = CertificateSetup.load(config.resolve("keystore.p12"), storePassword());
            store.setKeyEntry(PENDING, key, storePassword(), new Certificate[] {standIn});
            CertificateSetup.save(store, config.resolve("keystore.p12"), storePassword());
            Path out = options.path("csr");
            try (JcaPEMWriter pem = new JcaPEMWriter(Files.newBufferedWriter(out, StandardCharsets.US_ASCII))) {
                pem.writeObject(csr);
            }
            System.out.println("Certificate signing request for " + hosts + " written to " + out
                    + "\nThe key stays in the domain key store. Give the request to the certificate authority, then:"
                    + "\n  xuke-admin server-cert --home ... --payara ... --import signed-chain.pem");
            return 0;
        }
        X509Certificate server = CertificateSetup.issueServerCertificate(config, openCa(), hosts, storePassword());
        System.out.println("Server certificate from the deployment CA for " + hosts + ", valid to "
                + server.getNotAfter().toInstant() + ", SHA-256 " + AdminTool.fingerprint(server)
                + "\nRestart the domain to serve it: asadmin restart-domain");
        return 0;
    }

    private int importCertificate(Path config) throws Exception {
        List<X509Certificate> chain = new ArrayList<>();
        try (InputStream in = Files.newInputStream(options.path("import"))) {
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                chain.add((X509Certificate) c);
            }
        }
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("no certificate in " + options.path("import"));
        }
        KeyStore store = CertificateSetup.load(config.resolve("keystore.p12"), storePassword());
        if (!store.isKeyEntry(PENDING)) {
            throw new IllegalStateException("no pending key: make the request first (server-cert --csr)");
        }
        Certificate pending = store.getCertificate(PENDING);
        if (!Arrays.equals(pending.getPublicKey().getEncoded(), chain.get(0).getPublicKey().getEncoded())) {
            throw new IllegalArgumentException("the first certificate in the file is not for the key of the request");
        }
        chain.get(0).checkValidity();
        PrivateKey key = (PrivateKey) store.getKey(PENDING, storePassword());
        store.deleteEntry(PENDING);
        store.setKeyEntry("s1as", key, storePassword(), chain.toArray(Certificate[]::new));
        CertificateSetup.save(store, config.resolve("keystore.p12"), storePassword());
        System.out.println("Imported " + chain.get(0).getSubjectX500Principal().getName() + " issued by "
                + chain.get(0).getIssuerX500Principal().getName() + ", valid to " + chain.get(0).getNotAfter().toInstant()
                + " (" + chain.size() + " certificates in the chain)\nRestart the domain to serve it: asadmin restart-domain");
        return 0;
    }

    private List<String> hosts() {
        List<String> hosts = Arrays.stream(options.required("hosts").split(",")).map(String::strip)
                .filter(h -> !h.isEmpty()).toList();
        for (String host : hosts) {
            if (!host.matches("[A-Za-z0-9.:-]+")) {
                throw new IllegalArgumentException("not a host name or address: " + host);
            }
        }
        return hosts;
    }

    private DeploymentCa openCa() throws IOException {
        char[] password = Files.readString(home.caPassword(), StandardCharsets.UTF_8).strip().toCharArray();
        return DeploymentCa.openOrCreate(home.authority(), password, "unused", Clock.systemUTC());
    }

    /** The domain's key store password: Payara's master password as distributed (docs/OPERATIONS.md, step 10). */
    private static char[] storePassword() {
        return CertificateSetup.DEFAULT_STORE_PASSWORD.toCharArray();
    }

    /** Whether the domain's process is alive (its pid file names it). */
    static boolean running(Path domain) throws IOException {
        Path pid = domain.resolve("config/pid");
        return Files.isRegularFile(pid) && ProcessHandle.of(Long.parseLong(Files.readString(pid).strip()))
                .map(ProcessHandle::isAlive).orElse(false);
    }

    private static PrivateKey jdkKey(PrivateKey key) throws Exception {
        return java.security.KeyFactory.getInstance("EC")
                .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(key.getEncoded()));
    }

    private static void step(String text) {
        System.out.println("- " + text);
    }
}
