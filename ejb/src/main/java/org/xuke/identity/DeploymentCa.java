package org.xuke.identity;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * The deployment's own certificate authority: a root (ECDSA P-256, 20 years) and two issuing CAs
 * under it, one ECDSA for the TLS client certificates of e-key login (the JDK's TLS cannot use
 * SM2) and one SM2 for seals. Created once, on first start, as a folder of PEM files: each
 * certificate, and each private key as PKCS#8 encrypted with PBES2 (AES-256, PBKDF2-HMAC-SHA256)
 * under a password from configuration (never a default one). OpenSSL reads the same files.
 * Bouncy Castle is used with an explicit provider throughout: its PKCS#12 stores look
 * algorithms up in the JVM-wide provider list, where BC is deliberately absent.
 */
public final class DeploymentCa {

    public static final String ROOT = "root";
    public static final String TLS_CA = "tls-ca";
    public static final String SEAL_CA = "seal-ca";
    private static final List<String> ALIASES = List.of(ROOT, TLS_CA, SEAL_CA);
    private static final int KEY_ITERATIONS = 600_000;

    private final Map<String, X509Certificate> certificates;
    private final Map<String, PrivateKey> keys;

    private DeploymentCa(Map<String, X509Certificate> certificates, Map<String, PrivateKey> keys) {
        this.certificates = Map.copyOf(certificates);
        this.keys = Map.copyOf(keys);
    }

    /** Opens the CA in folder {@code dir}, creating it first if the folder holds none. */
    public static DeploymentCa openOrCreate(Path dir, char[] password, String deploymentName, Clock clock) {
        return openOrCreate(dir, password, deploymentName, clock, KEY_ITERATIONS);
    }

    /** {@code keyIterations}: PBKDF2 cost when creating (each key file records its own). */
    static DeploymentCa openOrCreate(Path dir, char[] password, String deploymentName, Clock clock,
            int keyIterations) {
        if (password == null || password.length < 16) {
            throw new IllegalArgumentException("The CA password must have at least 16 characters");
        }
        try {
            if (Files.isRegularFile(dir.resolve(ROOT + ".crt"))) {
                return load(dir, password);
            }
            DeploymentCa ca = create(deploymentName, clock.instant());
            Path temporary = Files.createTempDirectory(dir.toAbsolutePath().getParent() == null
                    ? Path.of(".") : createParent(dir), ".ca-");
            for (String alias : ALIASES) {
                Files.writeString(temporary.resolve(alias + ".crt"), pem(ca.certificates.get(alias)));
                Files.writeString(temporary.resolve(alias + ".key"),
                        encryptedPem(ca.keys.get(alias), password, keyIterations));
            }
            Files.move(temporary, dir, StandardCopyOption.ATOMIC_MOVE);
            return ca;
        } catch (IOException | OperatorCreationException | PKCSException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Cannot open the certificate authority in " + dir
                    + " (wrong password or damaged files?)", e);
        }
    }

    private static Path createParent(Path dir) throws IOException {
        return Files.createDirectories(dir.toAbsolutePath().getParent());
    }

    private static DeploymentCa create(String deploymentName, Instant now) {
        Instant from = now.minus(Duration.ofMinutes(5));
        X500Name rootName = new X500Name("CN=" + deploymentName + " Root CA,O=xuke,C=CN");
        KeyPair rootKeys = CertificateIssuer.newKeyPair(KeyKind.EC_P256);
        Map<String, X509Certificate> certificates = new HashMap<>();
        Map<String, PrivateKey> keys = new HashMap<>();
        certificates.put(ROOT, CertificateIssuer.selfSigned(rootName, rootKeys, KeyKind.EC_P256, from,
                now.plus(Duration.ofDays(365L * 20))));
        keys.put(ROOT, rootKeys.getPrivate());
        for (String alias : List.of(TLS_CA, SEAL_CA)) {
            KeyKind kind = alias.equals(SEAL_CA) ? KeyKind.SM2 : KeyKind.EC_P256;
            KeyPair pair = CertificateIssuer.newKeyPair(kind);
            certificates.put(alias, CertificateIssuer.issue(
                    new X500Name("CN=" + deploymentName + (alias.equals(SEAL_CA) ? " Seal CA" : " Login CA")
                            + ",O=xuke,C=CN"),
                    pair.getPublic(), rootName, rootKeys.getPrivate(), rootKeys.getPublic(), KeyKind.EC_P256, from,
                    now.plus(Duration.ofDays(365L * 10)), CertificateIssuer.Purpose.CERTIFICATE_AUTHORITY));
            keys.put(alias, pair.getPrivate());
        }
        return new DeploymentCa(certificates, keys);
    }

    private static DeploymentCa load(Path dir, char[] password)
            throws IOException, OperatorCreationException, PKCSException, java.security.GeneralSecurityException {
        Map<String, X509Certificate> certificates = new HashMap<>();
        Map<String, PrivateKey> keys = new HashMap<>();
        JcaX509CertificateConverter certificateConverter = new JcaX509CertificateConverter().setProvider(Crypto.BC);
        JcaPEMKeyConverter keyConverter = new JcaPEMKeyConverter().setProvider(Crypto.BC);
        for (String alias : ALIASES) {
            certificates.put(alias, certificateConverter.getCertificate(
                    (X509CertificateHolder) readPem(dir.resolve(alias + ".crt"))));
            PKCS8EncryptedPrivateKeyInfo encrypted = (PKCS8EncryptedPrivateKeyInfo) readPem(dir.resolve(alias + ".key"));
            keys.put(alias, keyConverter.getPrivateKey(encrypted.decryptPrivateKeyInfo(
                    new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(Crypto.BC).build(password))));
        }
        return new DeploymentCa(certificates, keys);
    }

    private static Object readPem(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
                PEMParser parser = new PEMParser(reader)) {
            return parser.readObject();
        }
    }

    private static String pem(Object object) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }

    private static String encryptedPem(PrivateKey key, char[] password, int iterations)
            throws IOException, OperatorCreationException {
        var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC).setProvider(Crypto.BC)
                .setPRF(JcaPKCS8Generator.PRF_HMACSHA256).setIterationCount(iterations).setPassword(password)
                .build();
        return pem(new JcaPKCS8Generator(key, encryptor));
    }

    /** Encrypts a holder's seal key for storage, under the CA password. */
    String sealKey(PrivateKey key, char[] password) {
        try {
            return encryptedPem(key, password, KEY_ITERATIONS);
        } catch (IOException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    static PrivateKey unsealKey(String pem, char[] password) {
        try (PEMParser parser = new PEMParser(new java.io.StringReader(pem))) {
            PKCS8EncryptedPrivateKeyInfo encrypted = (PKCS8EncryptedPrivateKeyInfo) parser.readObject();
            return new JcaPEMKeyConverter().setProvider(Crypto.BC).getPrivateKey(encrypted.decryptPrivateKeyInfo(
                    new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(Crypto.BC).build(password)));
        } catch (IOException | OperatorCreationException | PKCSException e) {
            throw new IllegalStateException("Cannot open a stored seal key", e);
        }
    }

    public X509Certificate root() {
        return certificate(ROOT);
    }

    public X509Certificate certificate(String alias) {
        return certificates.get(alias);
    }

    PrivateKey privateKey(String alias) {
        return keys.get(alias);
    }

    /** Issues a certificate under one of the issuing CAs. */
    public X509Certificate issue(String issuingAlias, X500Name subject, PublicKey subjectKey, Instant notBefore,
            Instant notAfter, CertificateIssuer.Purpose purpose) {
        X509Certificate issuer = certificate(issuingAlias);
        return CertificateIssuer.issue(subject, subjectKey,
                X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()), privateKey(issuingAlias),
                issuer.getPublicKey(), issuingAlias.equals(SEAL_CA) ? KeyKind.SM2 : KeyKind.EC_P256, notBefore,
                notAfter, purpose);
    }

    /** A TLS server certificate under the login CA for a bureau's host names (an intranet's HTTPS). */
    public X509Certificate issueServer(X500Name subject, PublicKey subjectKey, Instant notBefore, Instant notAfter,
            List<String> serverNames) {
        X509Certificate issuer = certificate(TLS_CA);
        return CertificateIssuer.issue(subject, subjectKey,
                X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()), privateKey(TLS_CA),
                issuer.getPublicKey(), KeyKind.EC_P256, notBefore, notAfter, CertificateIssuer.Purpose.TLS_SERVER,
                serverNames);
    }

    /** The chain from an issuing CA up to the root, for building a holder's PKCS#12. */
    public List<X509Certificate> chain(String issuingAlias) {
        return List.of(certificate(issuingAlias), root());
    }
}
