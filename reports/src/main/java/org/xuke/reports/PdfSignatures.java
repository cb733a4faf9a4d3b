package org.xuke.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * PDF signatures of electronic licences: a detached CMS (adbe.pkcs7.detached, ECDSA with SHA-256)
 * in the PDF's signature dictionary, as PDF readers and {@code pdfsig} check them. ECDSA P-256
 * rather than SM2 because common PDF tools verify it; the licence content itself also carries the
 * authority's SM2 seal (see the licence record).
 */
public final class PdfSignatures {

    private static final Provider BC = new BouncyCastleProvider();
    private static final String ALGORITHM = "SHA256withECDSA";

    private PdfSignatures() {
    }

    /** What a signer states in the signature dictionary. */
    public record SignerInfo(String name, String location, String reason, Instant time) {
    }

    /** The outcome of checking a PDF's last signature. */
    public record Check(boolean signed, boolean intact, boolean coversWholeDocument, boolean trusted, String signer,
            String serialHex, Instant signedAt, String problem) {

        /** Signed, unchanged since, and by a certificate of the trusted chain. */
        public boolean valid() {
            return signed && intact && coversWholeDocument && trusted;
        }
    }

    /** Signs {@code pdf} with {@code key}; {@code chain} starts with the signer's certificate. */
    public static byte[] sign(byte[] pdf, PrivateKey key, List<X509Certificate> chain, SignerInfo info) {
        try (PDDocument document = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            signature.setName(info.name());
            signature.setLocation(info.location());
            signature.setReason(info.reason());
            Calendar when = Calendar.getInstance(TimeZone.getTimeZone("Asia/Shanghai"));
            when.setTimeInMillis(info.time().toEpochMilli());
            signature.setSignDate(when);
            try (SignatureOptions options = new SignatureOptions()) {
                options.setPreferredSignatureSize(12_000);
                document.addSignature(signature, content -> cms(content.readAllBytes(), key, chain), options);
                document.saveIncremental(out);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] cms(byte[] content, PrivateKey key, List<X509Certificate> chain) throws IOException {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(BC).build())
                    .build(new JcaContentSignerBuilder(ALGORITHM).setProvider(BC).build(key), chain.get(0)));
            generator.addCertificates(new JcaCertStore(chain));
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded();
        } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
            throw new IOException("Cannot sign the PDF", e);
        }
    }

    /**
     * Checks the last signature of {@code pdf}: the bytes it covers hash to what was signed, it
     * covers the whole file (nothing appended after signing), and its certificate chains to one of
     * {@code trustAnchors} at the signing time.
     */
    public static Check verify(byte[] pdf, Collection<X509Certificate> trustAnchors) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDSignature> signatures = document.getSignatureDictionaries();
            if (signatures.isEmpty()) {
                return new Check(false, false, false, false, null, null, null, "no signature");
            }
            PDSignature signature = signatures.get(signatures.size() - 1);
            int[] range = signature.getByteRange();
            boolean whole = range.length == 4 && range[0] == 0 && (long) range[2] + range[3] == pdf.length;
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(pdf)),
                    signature.getContents(pdf));
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
            if (matches.isEmpty()) {
                return new Check(true, false, whole, false, null, null, null, "signer certificate missing");
            }
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter().setProvider(BC);
            X509Certificate certificate = converter.getCertificate(matches.iterator().next());
            Instant at = signingTime(signer, signature);
            boolean intact;
            try {
                intact = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(certificate));
            } catch (CMSException | OperatorCreationException e) {
                intact = false;
            }
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(certificate);
            for (Object holder : cms.getCertificates().getMatches(null)) {
                X509Certificate other = converter.getCertificate((X509CertificateHolder) holder);
                if (!other.equals(certificate)) {
                    chain.add(other);
                }
            }
            String problem = trustProblem(chain, trustAnchors, at);
            String name = certificate.getSubjectX500Principal().getName();
            return new Check(true, intact, whole, problem == null, name, certificate.getSerialNumber().toString(16), at,
                    !intact ? "content changed after signing" : !whole ? "bytes added after signing" : problem);
        } catch (IOException | CMSException | GeneralSecurityException | RuntimeException e) {
            return new Check(false, false, false, false, null, null, null, "unreadable: " + e.getMessage());
        }
    }

    private static Instant signingTime(SignerInformation signer, PDSignature signature) {
        if (signer.getSignedAttributes() != null) {
            Attribute time = signer.getSignedAttributes().get(CMSAttributes.signingTime);
            if (time != null) {
                try {
                    return ASN1UTCTime.getInstance(time.getAttrValues().getObjectAt(0)).getAdjustedDate().toInstant();
                } catch (IllegalArgumentException | java.text.ParseException e) {
                    org.bouncycastle.asn1.cms.Time t = org.bouncycastle.asn1.cms.Time.getInstance(
                            time.getAttrValues().getObjectAt(0));
                    return t.getDate().toInstant();
                }
            }
        }
        return signature.getSignDate() == null ? null : signature.getSignDate().toInstant();
    }

    private static String trustProblem(List<X509Certificate> chain, Collection<X509Certificate> anchors, Instant at)
            throws GeneralSecurityException {
        Set<TrustAnchor> trust = new HashSet<>();
        for (X509Certificate anchor : anchors) {
            trust.add(new TrustAnchor(anchor, null));
        }
        if (trust.isEmpty()) {
            return "no trust anchor";
        }
        List<X509Certificate> path = chain.stream().filter(c -> !anchors.contains(c)).toList();
        PKIXParameters parameters = new PKIXParameters(trust);
        parameters.setRevocationEnabled(false);
        if (at != null) {
            parameters.setDate(Date.from(at));
        }
        try {
            CertPathValidator.getInstance("PKIX", BC).validate(
                    CertificateFactory.getInstance("X.509", BC).generateCertPath(path), parameters);
            return null;
        } catch (java.security.cert.CertPathValidatorException e) {
            return "certificate not trusted: " + e.getMessage();
        }
    }
}
