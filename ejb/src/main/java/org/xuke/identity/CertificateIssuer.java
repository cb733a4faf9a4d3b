package org.xuke.identity;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes keys, certificates and revocation lists with Bouncy Castle: the deployment's root and
 * issuing CA, TLS client certificates for e-key login and SM2 certificates for seals.
 */
public final class CertificateIssuer {

    /** What a certificate is for; decides its extensions. */
    public enum Purpose {
        CERTIFICATE_AUTHORITY, TLS_CLIENT, SEAL,
        /** An issuing authority's key for the PDF signature of the documents it issues. */
        DOCUMENT_SIGNING,
        /** The portal's own HTTPS certificate for the loopback run: localhost and 127.0.0.1. */
        TLS_SERVER
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateIssuer() {
    }

    public static KeyPair newKeyPair(KeyKind kind) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(kind.algorithm(), Crypto.BC);
            if (kind.curve() != null) {
                generator.initialize(new ECGenParameterSpec(kind.curve()), RANDOM);
            } else {
                generator.initialize(2048, RANDOM);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate a " + kind + " key", e);
        }
    }

    /** A self-signed root CA certificate. */
    public static X509Certificate selfSigned(X500Name subject, KeyPair keys, KeyKind kind, Instant notBefore,
            Instant notAfter) {
        return issue(subject, keys.getPublic(), subject, keys.getPrivate(), keys.getPublic(), kind, notBefore,
                notAfter, Purpose.CERTIFICATE_AUTHORITY);
    }

    /**
     * Issues a certificate for {@code subjectKey}, signed by the issuer's key with the signature
     * algorithm of the issuer's key kind.
     */
    public static X509Certificate issue(X500Name subject, PublicKey subjectKey, X500Name issuer,
            PrivateKey issuerKey, PublicKey issuerPublicKey, KeyKind issuerKind, Instant notBefore, Instant notAfter,
            Purpose purpose) {
        return issue(subject, subjectKey, issuer, issuerKey, issuerPublicKey, issuerKind, notBefore, notAfter, purpose,
                LOOPBACK_NAMES);
    }

    /** The names of a server certificate when none are given: the run command's and the tests' own. */
    public static final List<String> LOOPBACK_NAMES = List.of("localhost", "127.0.0.1");

    /** As above; a TLS server certificate names {@code serverNames} (host names or IP addresses). */
    public static X509Certificate issue(X500Name subject, PublicKey subjectKey, X500Name issuer,
            PrivateKey issuerKey, PublicKey issuerPublicKey, KeyKind issuerKind, Instant notBefore, Instant notAfter,
            Purpose purpose, List<String> serverNames) {
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, serial(),
                    Date.from(notBefore), Date.from(notAfter), subject, subjectKey)
                    .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            utils.createAuthorityKeyIdentifier(issuerPublicKey));
            switch (purpose) {
                case CERTIFICATE_AUTHORITY -> builder
                        .addExtension(Extension.basicConstraints, true, new BasicConstraints(1))
                        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                case TLS_CLIENT -> builder
                        .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                        .addExtension(Extension.extendedKeyUsage, false,
                                new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
                case TLS_SERVER -> builder
                        .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                        .addExtension(Extension.extendedKeyUsage, false,
                                new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                        .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(serverNames.stream()
                                .map(CertificateIssuer::generalName).toArray(GeneralName[]::new)));
                case SEAL, DOCUMENT_SIGNING -> builder
                        .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                        .addExtension(Extension.keyUsage, true,
                                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            }
            X509CertificateHolder holder = builder.build(
                    new JcaContentSignerBuilder(issuerKind.signatureAlgorithm()).setProvider(Crypto.BC).build(issuerKey));
            return new JcaX509CertificateConverter().setProvider(Crypto.BC).getCertificate(holder);
        } catch (GeneralSecurityException | OperatorCreationException | org.bouncycastle.cert.CertIOException e) {
            throw new IllegalStateException("Cannot issue a certificate for " + subject, e);
        }
    }

    private static GeneralName generalName(String name) {
        boolean address = name.matches("[0-9.]+") || name.contains(":");
        return new GeneralName(address ? GeneralName.iPAddress : GeneralName.dNSName, name);
    }

    /**
     * Why and when a certificate was revoked. The reason matters (RFC 5280): after KEY_COMPROMISE
     * no signature by that key is trusted, even an earlier one; after CESSATION_OF_OPERATION or
     * SUPERSEDED (a cancelled or renewed e-key) seals made before the revocation stay valid.
     */
    public record Revocation(Instant at, int reason) {

        public static final int KEY_COMPROMISE = CRLReason.keyCompromise;
        public static final int SUPERSEDED = CRLReason.superseded;
        public static final int CESSATION_OF_OPERATION = CRLReason.cessationOfOperation;
    }

    /** A CRL listing revoked serial numbers with their revocation times and reasons. */
    public static X509CRL revocationList(X509Certificate issuer, PrivateKey issuerKey, KeyKind issuerKind,
            Map<BigInteger, Revocation> revoked, Instant thisUpdate, Instant nextUpdate) {
        try {
            X509v2CRLBuilder builder = new X509v2CRLBuilder(
                    X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()), Date.from(thisUpdate));
            builder.setNextUpdate(Date.from(nextUpdate));
            revoked.forEach((serial, revocation) -> builder.addCRLEntry(serial, Date.from(revocation.at()),
                    revocation.reason()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuer));
            return new JcaX509CRLConverter().setProvider(Crypto.BC).getCRL(builder.build(
                    new JcaContentSignerBuilder(issuerKind.signatureAlgorithm()).setProvider(Crypto.BC)
                            .build(issuerKey)));
        } catch (GeneralSecurityException | OperatorCreationException | org.bouncycastle.cert.CertIOException e) {
            throw new IllegalStateException("Cannot sign a revocation list", e);
        }
    }

    /** Positive 127-bit random serial numbers: unique without a counter, and not guessable. */
    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).setBit(126);
    }
}
