package org.xuke.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.bouncycastle.asn1.x500.X500Name;
import org.xuke.identity.CertificateIssuer;
import org.xuke.identity.DeploymentCa;
import org.xuke.identity.KeyKind;

/**
 * The deployment CA for the run command and the tests, and Payara's TLS stores made from it:
 * a truststore of the CA root alone for the HTTPS listener (e-key client certificates chain to
 * it, and no public CA's certificate is accepted in the handshake), the root in the domain
 * truststore as well, and an HTTPS certificate for localhost issued by the CA (alias s1as).
 */
final class CertificateSetup {

    /** Payara's demo domain protects its key and trust stores with the master password "changeit". */
    private static final char[] DOMAIN_STORE_PASSWORD = "changeit".toCharArray();

    /** The HTTPS listener's own truststore in the domain's config directory: the e-key CA's root only. */
    static final String EKEY_TRUSTSTORE = "ekey-trust.p12";

    private CertificateSetup() {
    }

    /** The CA password: -Dxuke.ca.password, else a random one kept (owner-only) beside the CA. */
    static Path passwordFile(Path caDir) throws IOException {
        Path file = caDir.resolve("password");
        if (!Files.exists(file)) {
            Files.createDirectories(caDir);
            String given = System.getProperty("xuke.ca.password");
            String password = given != null && !given.isBlank() ? given : randomPassword();
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password, StandardCharsets.UTF_8);
        }
        return file;
    }

    static DeploymentCa openCa(Path caDir) throws IOException {
        char[] password = Files.readString(passwordFile(caDir), StandardCharsets.UTF_8).strip().toCharArray();
        return DeploymentCa.openOrCreate(caDir.resolve("authority"), password, "xuke", Clock.systemUTC());
    }

    /** Writes the CA root into the domain truststore and a CA-issued localhost certificate as s1as. */
    static void installInto(Path domainConfig, DeploymentCa ca) throws IOException, GeneralSecurityException {
        installInto(domainConfig, ca, CertificateIssuer.LOOPBACK_NAMES, DOMAIN_STORE_PASSWORD);
    }

    /**
     * The e-key truststore (the CA root alone), the root in the domain truststore, and a server
     * certificate from the CA for {@code hostNames} as s1as (a bureau's intranet; a public CA's
     * certificate replaces it with {@code server-cert --import}).
     */
    static X509Certificate installInto(Path domainConfig, DeploymentCa ca, java.util.List<String> hostNames,
            char[] storePassword)
            throws IOException, GeneralSecurityException {
        KeyStore ekeyTrust = KeyStore.getInstance("PKCS12");
        ekeyTrust.load(null, null);
        ekeyTrust.setCertificateEntry("xuke-root", jdk(ca.root()));
        save(ekeyTrust, domainConfig.resolve(EKEY_TRUSTSTORE), storePassword);

        Path trust = domainConfig.resolve("cacerts.p12");
        KeyStore trustStore = load(trust, storePassword);
        trustStore.setCertificateEntry("xuke-root", ca.root());
        save(trustStore, trust, storePassword);
        return issueServerCertificate(domainConfig, ca, hostNames, storePassword);
    }

    /** A server key and a certificate from the deployment CA naming {@code hostNames}, as s1as. */
    static X509Certificate issueServerCertificate(Path domainConfig, DeploymentCa ca, java.util.List<String> hostNames,
            char[] storePassword) throws IOException, GeneralSecurityException {
        ServerKey server = serverKey(ca, hostNames);
        setServerKey(domainConfig, storePassword, server.key(), server.chain());
        return (X509Certificate) server.chain()[0];
    }

    /** A server's TLS key with its chain (certificate, login CA, root), for the JDK's own provider. */
    record ServerKey(java.security.PrivateKey key, Certificate[] chain) {
    }

    /** A new server key and a certificate for it from the deployment CA naming {@code hostNames}. */
    static ServerKey serverKey(DeploymentCa ca, java.util.List<String> hostNames) throws GeneralSecurityException {
        KeyPair serverKeys = CertificateIssuer.newKeyPair(KeyKind.EC_P256);
        var now = java.time.Instant.now();
        X509Certificate server = ca.issueServer(new X500Name("CN=" + hostNames.get(0) + ",O=xuke,C=CN"),
                serverKeys.getPublic(), now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofDays(825)), hostNames);
        // The JDK's own provider must be able to use this key, so convert it out of BC's classes.
        var jdkKey = java.security.KeyFactory.getInstance("EC")
                .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(serverKeys.getPrivate().getEncoded()));
        return new ServerKey(jdkKey, new Certificate[] {jdk(server), jdk(ca.certificate(DeploymentCa.TLS_CA)),
            jdk(ca.root())});
    }

    /** The HTTPS listener's key and chain (alias s1as) in the domain key store; read at the next start. */
    static void setServerKey(Path domainConfig, char[] storePassword, java.security.PrivateKey key, Certificate[] chain)
            throws IOException, GeneralSecurityException {
        Path keys = domainConfig.resolve("keystore.p12");
        KeyStore keyStore = load(keys, storePassword);
        keyStore.setKeyEntry("s1as", key, storePassword, chain);
        save(keyStore, keys, storePassword);
    }

    static final String DEFAULT_STORE_PASSWORD = new String(DOMAIN_STORE_PASSWORD);

    static X509Certificate jdk(X509Certificate certificate) throws GeneralSecurityException {
        return (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(certificate.getEncoded()));
    }

    static KeyStore load(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return store;
    }

    static void save(KeyStore store, Path file, char[] password) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
    }

    static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
