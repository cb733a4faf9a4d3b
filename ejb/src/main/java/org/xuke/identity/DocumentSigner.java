package org.xuke.identity;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.xuke.audit.AuditEntry;
import org.xuke.audit.AuditLog;
import org.xuke.platform.SchemaMigration;
import org.xuke.reports.PdfSignatures;

/**
 * PDF signatures of the documents an issuing authority issues. Each authority gets one
 * document-signing key (ECDSA P-256, so that PDF readers and {@code pdfsig} check it) with a
 * certificate under the deployment root, made on first use and kept encrypted with the deployment
 * secret like the seal keys.
 */
@Stateless
public class DocumentSigner {

    static final Duration VALIDITY = Duration.ofDays(5 * 365);

    @PersistenceContext(unitName = "xuke")
    private EntityManager em;

    @EJB
    private SchemaMigration schema;

    @Inject
    private CertificateAuthorityProvider authority;

    @Inject
    private UnsealedKeys unsealed;

    @Inject
    private AuditLog audit;

    @Inject
    private Clock clock;

    /** The authority's signature over {@code pdf}; {@code reason} says what the document is. */
    public byte[] signPdf(String authorityCode, String authorityName, byte[] pdf, String reason) {
        Object[] row = keyRow(authorityCode, authorityName);
        X509Certificate certificate = certificate((String) row[0]);
        PrivateKey key = unsealed.get((String) row[1], () -> DeploymentCa.unsealKey((String) row[1], authority.secret()));
        return PdfSignatures.sign(pdf, key, List.of(certificate, authority.get().root()),
                new PdfSignatures.SignerInfo(authorityName, authorityName, reason, clock.instant()));
    }

    /**
     * The stored key of an authority, made now if it has none. Two first signatures at once both
     * make a key; the insert keeps the first committed and the other reads it back.
     */
    private Object[] keyRow(String authorityCode, String authorityName) {
        Object[] row = find(authorityCode);
        if (row != null) {
            return row;
        }
        DeploymentCa ca = authority.get();
        Instant now = clock.instant();
        KeyPair keys = CertificateIssuer.newKeyPair(KeyKind.EC_P256);
        X509Certificate certificate = ca.issue(DeploymentCa.ROOT, new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "CN").addRDN(BCStyle.O, authorityName).addRDN(BCStyle.OU, authorityCode)
                .addRDN(BCStyle.CN, authorityName + "许可证专用章").build(), keys.getPublic(),
                now.minus(Duration.ofMinutes(5)), now.plus(VALIDITY), CertificateIssuer.Purpose.DOCUMENT_SIGNING);
        try {
            int inserted = em.createNativeQuery(schema.dialect().insertIfAbsent("authority_signing_key", "authority_code",
                    "authority_code, certificate_der, sealed_key, created_at_utc", "?1, ?2, ?3, ?4"))
                    .setParameter(1, authorityCode)
                    .setParameter(2, Base64.getEncoder().encodeToString(certificate.getEncoded()))
                    .setParameter(3, ca.sealKey(keys.getPrivate(), authority.secret()))
                    .setParameter(4, LocalDateTime.ofInstant(now, ZoneOffset.UTC)).executeUpdate();
            if (inserted == 1) {
                audit.record(AuditEntry.of("system", "SIGNING_KEY_CREATED", "issuing-authority", authorityCode)
                        .withDetails("certificate=" + certificate.getSerialNumber().toString(16)));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return find(authorityCode);
    }

    private Object[] find(String authorityCode) {
        List<?> rows = em.createNativeQuery("select certificate_der, sealed_key from authority_signing_key "
                + "where authority_code = ?1").setParameter(1, authorityCode).getResultList();
        return rows.isEmpty() ? null : (Object[]) rows.get(0);
    }

    private static X509Certificate certificate(String base64) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored signing certificate does not parse", e);
        }
    }
}
