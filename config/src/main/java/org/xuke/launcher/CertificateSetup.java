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
        KeyStore ekeyTrust = KeyStore.getInstance("PKCS12");
        ekeyTrust.load(null, null);
        ekeyTrust.setCertificateEntry("xuke-root", jdk(ca.root()));
        save(ekeyTrust, domainConfig.resolve(EKEY_TRUSTSTORE));

        Path trust = domainConfig.resolve("cacerts.p12");
        KeyStore trustStore = load(trust);
        trustStore.setCertificateEntry("xuke-root", ca.root());
        save(trustStore, trust);

        Path keys = domainConfig.resolve("keystore.p12");
        KeyStore keyStore = load(keys);
        KeyPair serverKeys = CertificateIssuer.newKeyPair(KeyKind.EC_P256);
        var now = java.time.Instant.now();
        X509Certificate server = ca.issue(DeploymentCa.TLS_CA, new X500Name("CN=localhost,O=xuke,C=CN"),
                serverKeys.getPublic(), now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofDays(825)),
                CertificateIssuer.Purpose.TLS_SERVER);
        // The JDK's own provider must be able to use this key, so convert it out of BC's classes.
        var jdkKey = java.security.KeyFactory.getInstance("EC")
                .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(serverKeys.getPrivate().getEncoded()));
        keyStore.setKeyEntry("s1as", jdkKey, DOMAIN_STORE_PASSWORD,
                new Certificate[] {jdk(server), jdk(ca.certificate(DeploymentCa.TLS_CA)), jdk(ca.root())});
        save(keyStore, keys);
    }

    private static X509Certificate jdk(X509Certificate certificate) throws GeneralSecurityException {
        return (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(certificate.getEncoded()));
    }

    private static KeyStore load(Path file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, DOMAIN_STORE_PASSWORD);
        }
        return store;
    }

    private static void save(KeyStore store, Path file) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, DOMAIN_STORE_PASSWORD);
        }
    }

    static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
