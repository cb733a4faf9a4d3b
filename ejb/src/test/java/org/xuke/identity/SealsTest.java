package org.xuke.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SealsTest {

    private static final Instant NOW = Instant.parse("2026-11-24T02:00:00Z");
    private static final Instant YEAR_AGO = NOW.minus(Duration.ofDays(365));
    private static final Instant IN_A_YEAR = NOW.plus(Duration.ofDays(365));

    private final Pki pki = new Pki(KeyKind.SM2);
    private final byte[] document = CanonicalJson.bytes(Map.of("applicationNo", "201100776367555600150",
            "exporter", "签章测试企业", "quantity", new java.math.BigDecimal("535.1")));

    /** A root CA, an issuing CA and one sealing certificate, all of one key kind. */
    static final class Pki {
        final KeyKind kind;
        final KeyPair rootKeys;
        final X509Certificate root;
        final KeyPair caKeys;
        final X509Certificate ca;
        final KeyPair signerKeys;
        final X509Certificate signer;

        Pki(KeyKind kind) {
            this(kind, YEAR_AGO, IN_A_YEAR);
        }

        Pki(KeyKind kind, Instant signerFrom, Instant signerUntil) {
            this.kind = kind;
            rootKeys = CertificateIssuer.newKeyPair(kind);
            X500Name rootName = new X500Name("CN=xuke test root,O=xuke,C=CN");
            root = CertificateIssuer.selfSigned(rootName, rootKeys, kind, YEAR_AGO, IN_A_YEAR.plus(Duration.ofDays(3650)));
            caKeys = CertificateIssuer.newKeyPair(kind);
            X500Name caName = new X500Name("CN=xuke test issuing CA,O=xuke,C=CN");
            ca = CertificateIssuer.issue(caName, caKeys.getPublic(), rootName, rootKeys.getPrivate(),
                    rootKeys.getPublic(), kind, YEAR_AGO, IN_A_YEAR.plus(Duration.ofDays(365)),
                    CertificateIssuer.Purpose.CERTIFICATE_AUTHORITY);
            signerKeys = CertificateIssuer.newKeyPair(kind);
            signer = CertificateIssuer.issue(
                    new X500Name("CN=QIANZHANG,O=签章测试企业,SERIALNUMBER=91330100716105852F,C=CN"),
                    signerKeys.getPublic(), caName, caKeys.getPrivate(), caKeys.getPublic(), kind, signerFrom,
                    signerUntil, CertificateIssuer.Purpose.SEAL);
        }

        X509CRL crl(Map<BigInteger, CertificateIssuer.Revocation> revoked) {
            return CertificateIssuer.revocationList(ca, caKeys.getPrivate(), kind, revoked, NOW, NOW.plus(Duration.ofDays(7)));
        }

        X509CRL rootCrl() {
            return CertificateIssuer.revocationList(root, rootKeys.getPrivate(), kind, Map.of(), NOW,
                    NOW.plus(Duration.ofDays(7)));
        }

        List<X509CRL> noRevocations() {
            return List.of(crl(Map.of()), rootCrl());
        }
    }

    private static Seals sealsAt(Instant instant) {
        return new Seals(Clock.fixed(instant, ZoneOffset.UTC));
    }

    private byte[] seal(Pki p, byte[] content) {
        return sealsAt(NOW.minus(Duration.ofHours(1))).seal(content, p.signerKeys.getPrivate(), p.kind,
                List.of(p.signer, p.ca));
    }

    @Test
    void sealVerifiesWithBouncyCastleAlone() throws Exception {
        byte[] cms = seal(pki, document);
        CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(document), cms);
        SignerInformation info = signed.getSignerInfos().getSigners().iterator().next();
        @SuppressWarnings("unchecked")
        X509CertificateHolder holder = (X509CertificateHolder) signed.getCertificates().getMatches(info.getSID())
                .iterator().next();
        assertThat(info.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(new BouncyCastleProvider())
                .build(holder))).isTrue();
        assertThat(info.getEncryptionAlgOID()).isEqualTo("1.2.156.10197.1.501"); // SM3withSM2
        assertThat(signed.isDetachedSignature()).isTrue();
    }

    @Test
    void sealVerifiesAndSaysWhoSealedWhen() {
        SealVerification result = sealsAt(NOW).verify(document, seal(pki, document), List.of(pki.root),
                pki.noRevocations());
        assertThat(result.valid()).as(String.valueOf(result.problem())).isTrue();
        assertThat(result.signer()).contains("CN=QIANZHANG").contains("91330100716105852F");
        assertThat(result.serial()).isEqualTo(pki.signer.getSerialNumber());
        assertThat(result.signedAt()).isEqualTo(NOW.minus(Duration.ofHours(1)));
    }

    @Test
    void oneChangedByteOfTheDocumentBreaksTheSeal() {
        byte[] cms = seal(pki, document);
        byte[] changed = document.clone();
        changed[changed.length / 2] ^= 1;
        SealVerification result = sealsAt(NOW).verify(changed, cms, List.of(pki.root), pki.noRevocations());
        assertThat(result.valid()).isFalse();
        assertThat(result.problem()).isEqualTo("seal.signature");
    }

    @Test
    void oneChangedByteOfTheSealBreaksIt() {
        byte[] cms = seal(pki, document);
        // Flip a bit near the end, inside the signature value.
        byte[] changed = cms.clone();
        changed[changed.length - 5] ^= 0x10;
        SealVerification result = sealsAt(NOW).verify(document, changed, List.of(pki.root), pki.noRevocations());
        assertThat(result.valid()).isFalse();
    }

    @Test
    void aCertificateRevokedBeforeSigningFailsAndOneCancelledAfterwardsDoesNot() {
        byte[] cms = seal(pki, document);
        Instant signedAt = NOW.minus(Duration.ofHours(1));
        SealVerification before = verifyWithRevocation(cms, signedAt.minus(Duration.ofDays(1)),
                CertificateIssuer.Revocation.CESSATION_OF_OPERATION);
        assertThat(before.valid()).isFalse();
        assertThat(before.problem()).isEqualTo("seal.revoked");

        SealVerification after = verifyWithRevocation(cms, signedAt.plus(Duration.ofMinutes(30)),
                CertificateIssuer.Revocation.CESSATION_OF_OPERATION);
        assertThat(after.valid()).as(String.valueOf(after.problem())).isTrue();
    }

    @Test
    void aCompromisedKeyIsDistrustedEvenForEarlierSeals() {
        byte[] cms = seal(pki, document);
        SealVerification result = verifyWithRevocation(cms, NOW.minus(Duration.ofMinutes(30)),
                CertificateIssuer.Revocation.KEY_COMPROMISE);
        assertThat(result.valid()).isFalse();
        assertThat(result.problem()).isEqualTo("seal.revoked");
    }

    private SealVerification verifyWithRevocation(byte[] cms, Instant revokedAt, int reason) {
        X509CRL crl = pki.crl(Map.of(pki.signer.getSerialNumber(), new CertificateIssuer.Revocation(revokedAt, reason)));
        return sealsAt(NOW).verify(document, cms, List.of(pki.root), List.of(crl, pki.rootCrl()));
    }

    @Test
    void aCertificateExpiredAtSigningTimeFails() {
        Pki expired = new Pki(KeyKind.SM2, YEAR_AGO, NOW.minus(Duration.ofDays(2)));
        SealVerification result = sealsAt(NOW).verify(document, seal(expired, document), List.of(expired.root),
                expired.noRevocations());
        assertThat(result.valid()).isFalse();
        assertThat(result.problem()).isEqualTo("seal.expired");
    }

    @Test
    void aSealFromAnotherAuthorityIsNotTrusted() {
        Pki other = new Pki(KeyKind.SM2);
        SealVerification result = sealsAt(NOW).verify(document, seal(other, document), List.of(pki.root),
                pki.noRevocations());
        assertThat(result.valid()).isFalse();
        assertThat(result.problem()).isEqualTo("seal.untrusted");
    }

    @ParameterizedTest
    @EnumSource(value = KeyKind.class, names = {"EC_P256", "RSA_2048"})
    void rsaAndEcdsaSealsWorkToo(KeyKind kind) {
        Pki p = new Pki(kind);
        SealVerification result = sealsAt(NOW).verify(document, seal(p, document), List.of(p.root), p.noRevocations());
        assertThat(result.valid()).as(String.valueOf(result.problem())).isTrue();
    }

    @Test
    void everyProblemTheVerifierReportsHasChineseAndEnglishText() throws Exception {
        String source = java.nio.file.Files.readString(java.nio.file.Path.of("src/main/java/org/xuke/identity/Seals.java"));
        var keys = java.util.regex.Pattern.compile("\"(seal\\.[a-zA-Z]+)\"").matcher(source).results()
                .map(m -> m.group(1)).collect(java.util.stream.Collectors.toSet());
        assertThat(keys).contains("seal.signature", "seal.revoked", "seal.expired", "seal.untrusted");
        var zh = java.util.ResourceBundle.getBundle("org.xuke.identity.IdentityMessages", java.util.Locale.SIMPLIFIED_CHINESE);
        var en = java.util.ResourceBundle.getBundle("org.xuke.identity.IdentityMessages", java.util.Locale.ENGLISH);
        for (String key : keys) {
            assertThat(zh.getString(key)).as(key).isNotEqualTo(en.getString(key));
        }
    }

    @Test
    void garbageIsReportedNotThrown() {
        SealVerification result = sealsAt(NOW).verify(document, "not a seal".getBytes(StandardCharsets.UTF_8),
                List.of(pki.root), pki.noRevocations());
        assertThat(result.valid()).isFalse();
    }
}
