package org.xuke.identity;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The electronic seal (电子签章): a detached CMS SignedData over the canonical bytes of a
 * document, carrying the signer's certificate chain and the signing time as a signed attribute.
 * SM3withSM2 for SM2 keys (the signer ID stays BC's default 1234567812345678 on both sides),
 * SHA256withECDSA or SHA256withRSA otherwise. Verification needs only Bouncy Castle.
 */
public final class Seals {

    private final Clock clock;

    public Seals(Clock clock) {
        this.clock = clock;
    }

    /** Seals {@code content}; {@code chain} starts with the signer's certificate. */
    public byte[] seal(byte[] content, PrivateKey key, KeyKind kind, List<X509Certificate> chain) {
        try {
            Hashtable<Object, Attribute> attributes = new Hashtable<>();
            attributes.put(CMSAttributes.signingTime, new Attribute(CMSAttributes.signingTime,
                    new DERSet(new Time(Date.from(clock.instant())))));
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(Crypto.BC).build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
                    .build(new JcaContentSignerBuilder(kind.signatureAlgorithm()).setProvider(Crypto.BC).build(key),
                            chain.get(0)));
            generator.addCertificates(new JcaCertStore(chain));
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded();
        } catch (GeneralSecurityException | OperatorCreationException | CMSException | IOException e) {
            throw new IllegalStateException("Cannot seal the document", e);
        }
    }

    /**
     * Checks a seal over {@code content}: the signature, then the signer's chain up to one of
     * {@code trustAnchors} as it stood at the signing time, including revocation by {@code crls}
     * (a certificate revoked after the document was sealed does not undo the seal).
     */
    public SealVerification verify(byte[] content, byte[] seal, Collection<X509Certificate> trustAnchors,
            Collection<X509CRL> crls) {
        String signer = null;
        java.math.BigInteger serial = null;
        Instant signedAt = null;
        String algorithm = null;
        try {
            CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(content), seal);
            Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                return SealVerification.failed("seal.signerCount", null, null, null, null);
            }
            SignerInformation info = signers.iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(info.getSID());
            if (matches.isEmpty()) {
                return SealVerification.failed("seal.noCertificate", null, null, null, null);
            }
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter().setProvider(Crypto.BC);
            X509Certificate certificate = converter.getCertificate(matches.iterator().next());
            // BC's names: SERIALNUMBER (the USCC) stays readable instead of a hex dump.
            signer = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).toString();
            serial = certificate.getSerialNumber();
            algorithm = info.getEncryptionAlgOID();
            signedAt = signingTime(info);
            if (signedAt == null) {
                return SealVerification.failed("seal.noSigningTime", signer, serial, null, algorithm);
            }
            try {
                certificate.checkValidity(Date.from(signedAt));
            } catch (java.security.cert.CertificateExpiredException
                    | java.security.cert.CertificateNotYetValidException e) {
                return SealVerification.failed("seal.expired", signer, serial, signedAt, algorithm);
            }
            if (!info.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Crypto.BC).build(certificate))) {
                return SealVerification.failed("seal.signature", signer, serial, signedAt, algorithm);
            }
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(certificate);
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> all = signed.getCertificates().getMatches(null);
            for (X509CertificateHolder holder : all) {
                X509Certificate other = converter.getCertificate(holder);
                if (!other.equals(certificate) && !trustAnchors.contains(other)) {
                    chain.add(other);
                }
            }
            String chainProblem = validateChain(chain, trustAnchors, crls, signedAt);
            if (chainProblem != null) {
                return SealVerification.failed(chainProblem, signer, serial, signedAt, algorithm);
            }
            return new SealVerification(true, signer, serial, signedAt, algorithm, null);
        } catch (CMSException e) {
            // A changed byte makes the digest or the signature fail; BC reports both as CMSException.
            return SealVerification.failed("seal.signature", signer, serial, signedAt, algorithm);
        } catch (GeneralSecurityException | OperatorCreationException | RuntimeException e) {
            return SealVerification.failed("seal.unreadable", signer, serial, signedAt, algorithm);
        }
    }

    private static String validateChain(List<X509Certificate> chain, Collection<X509Certificate> trustAnchors,
            Collection<X509CRL> crls, Instant at) throws GeneralSecurityException {
        Set<TrustAnchor> anchors = trustAnchors.stream().map(c -> new TrustAnchor(c, null)).collect(Collectors.toSet());
        PKIXParameters parameters = new PKIXParameters(anchors);
        parameters.setDate(Date.from(at));
        parameters.setRevocationEnabled(true);
        parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls), Crypto.BC));
        CertificateFactory factory = CertificateFactory.getInstance("X.509", Crypto.BC);
        try {
            CertPathValidator.getInstance("PKIX", Crypto.BC).validate(factory.generateCertPath(chain), parameters);
            return null;
        } catch (CertPathValidatorException e) {
            String reason = e.getReason() == null ? "" : e.getReason().toString();
            String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
            // BC reports revocation as "Certificate revocation after <date>" with reason UNSPECIFIED.
            if (reason.equals("REVOKED") || message.contains("revoked") || message.contains("revocation after")) {
                return "seal.revoked";
            }
            if (reason.equals("EXPIRED") || reason.equals("NOT_YET_VALID") || message.contains("expired")
                    || message.contains("not yet valid")) {
                return "seal.expired";
            }
            return "seal.untrusted";
        }
    }

    private static Instant signingTime(SignerInformation info) {
        AttributeTable signedAttributes = info.getSignedAttributes();
        Attribute attribute = signedAttributes == null ? null : signedAttributes.get(CMSAttributes.signingTime);
        if (attribute == null) {
            return null;
        }
        return Time.getInstance(attribute.getAttrValues().getObjectAt(0)).getDate().toInstant();
    }

}
