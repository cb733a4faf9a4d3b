package org.xuke.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploymentCaTest {

    private static final char[] PASSWORD = "a-long-ca-password-42".toCharArray();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T02:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    /** Low key-derivation cost: these tests check the files and the chain, not the cost. */
    private static DeploymentCa open(Path authority, char[] password) {
        return DeploymentCa.openOrCreate(authority, password, "xuke", CLOCK, 1_000);
    }

    @Test
    void createdOnceThenReopenedWithTheSamePassword() throws Exception {
        Path authority = dir.resolve("authority");
        DeploymentCa created = open(authority, PASSWORD);
        DeploymentCa reopened = open(authority, PASSWORD);
        assertThat(reopened.root()).isEqualTo(created.root());
        assertThat(Files.readString(authority.resolve("root.key"))).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        assertThat(created.certificate(DeploymentCa.SEAL_CA).getPublicKey().getAlgorithm()).isIn("EC", "SM2");
        created.certificate(DeploymentCa.TLS_CA).verify(created.root().getPublicKey(), Crypto.BC);
        created.certificate(DeploymentCa.SEAL_CA).verify(created.root().getPublicKey(), Crypto.BC);
    }

    @Test
    void aWrongPasswordDoesNotOpenIt() {
        Path authority = dir.resolve("authority");
        open(authority, PASSWORD);
        assertThatThrownBy(() -> open(authority, "another-password-123".toCharArray())).isInstanceOf(IllegalStateException.class).hasMessageContaining("wrong password");
    }

    @Test
    void shortPasswordsAreRefused() {
        assertThatThrownBy(() -> open(dir.resolve("a"), "changeit".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anSm2SealCertificateFromTheSealCaSealsAndVerifies() {
        DeploymentCa ca = open(dir.resolve("authority"), PASSWORD);
        KeyPair keys = CertificateIssuer.newKeyPair(KeyKind.SM2);
        X509Certificate sealCertificate = ca.issue(DeploymentCa.SEAL_CA,
                new X500Name("CN=QIANZ,O=签章测试企业,SERIALNUMBER=91330100716105852F,C=CN"), keys.getPublic(),
                CLOCK.instant().minus(Duration.ofDays(1)), CLOCK.instant().plus(Duration.ofDays(365)),
                CertificateIssuer.Purpose.SEAL);
        Seals seals = new Seals(CLOCK);
        byte[] document = CanonicalJson.bytes(Map.of("licence", "26AB000001"));
        byte[] seal = seals.seal(document, keys.getPrivate(), KeyKind.SM2, List.of(sealCertificate,
                ca.certificate(DeploymentCa.SEAL_CA)));
        var crls = List.of(
                CertificateIssuer.revocationList(ca.certificate(DeploymentCa.SEAL_CA), ca.privateKey(DeploymentCa.SEAL_CA),
                        KeyKind.SM2, Map.of(), CLOCK.instant(), CLOCK.instant().plus(Duration.ofDays(7))),
                CertificateIssuer.revocationList(ca.root(), ca.privateKey(DeploymentCa.ROOT), KeyKind.EC_P256, Map.of(),
                        CLOCK.instant(), CLOCK.instant().plus(Duration.ofDays(7))));
        SealVerification result = seals.verify(document, seal, List.of(ca.root()), crls);
        assertThat(result.valid()).as(String.valueOf(result.problem())).isTrue();
    }

    @Test
    void holderPkcs12OpensWithTheJdkAndTheChosenPassword() throws Exception {
        DeploymentCa ca = open(dir.resolve("authority"), PASSWORD);
        KeyPair keys = CertificateIssuer.newKeyPair(KeyKind.EC_P256);
        X509Certificate login = ca.issue(DeploymentCa.TLS_CA, new X500Name("CN=QIANZ,C=CN"), keys.getPublic(),
                CLOCK.instant(), CLOCK.instant().plus(Duration.ofDays(365)), CertificateIssuer.Purpose.TLS_CLIENT);
        byte[] p12 = Pkcs12.export(keys.getPrivate(), List.of(login, ca.certificate(DeploymentCa.TLS_CA), ca.root()),
                "holder-pass-1".toCharArray());
        var store = java.security.KeyStore.getInstance("PKCS12");
        store.load(new java.io.ByteArrayInputStream(p12), "holder-pass-1".toCharArray());
        assertThat(store.getCertificateChain(Pkcs12.ALIAS)).hasSize(3);
        assertThat(store.getKey(Pkcs12.ALIAS, "holder-pass-1".toCharArray())).isNotNull();
        assertThatThrownBy(() -> {
            var other = java.security.KeyStore.getInstance("PKCS12");
            other.load(new java.io.ByteArrayInputStream(p12), "wrong-pass-1".toCharArray());
        }).isInstanceOf(java.io.IOException.class);
    }
}
