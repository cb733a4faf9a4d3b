package org.xuke.web.seal;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.ZoneOffset;
import java.util.List;
import org.primefaces.model.file.UploadedFile;
import org.xuke.identity.CertificateService;
import org.xuke.identity.SealVerification;
import org.xuke.web.ChinaTime;
import org.xuke.web.Texts;

/**
 * 电子签章验证: anyone holding a sealed document (its canonical bytes) and the detached seal sees
 * who sealed it, when, with which certificate, and whether it still verifies against the
 * deployment CA and the revocation lists.
 */
@Named
@ViewScoped
public class SealCheckPage implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Seals and sealed documents are small; anything bigger is not one of ours. */
    private static final long MAX_BYTES = 5L * 1024 * 1024;

    @Inject
    private CertificateService certificates;

    @Inject
    private ChinaTime time;

    private transient UploadedFile document;
    private transient UploadedFile seal;
    private SealVerification result;

    public void check() {
        result = null;
        // both files are needed: say of each that is missing, at once
        boolean noDocument = document == null || document.getSize() == 0;
        boolean noSeal = seal == null || seal.getSize() == 0;
        if (noDocument) {
            Texts.error("seal:document", "seal.noDocument");
        }
        if (noSeal) {
            Texts.error("seal:signature", "seal.noSeal");
        }
        if (noDocument || noSeal) {
            return;
        }
        if (document.getSize() > MAX_BYTES || seal.getSize() > MAX_BYTES) {
            Texts.error(null, "seal.tooLarge");
            return;
        }
        result = certificates.verifySeal(document.getContent(), seal.getContent());
    }

    /** The finding in words: who sealed when with which certificate, or why it does not verify. */
    public String getVerdict() {
        if (result == null) {
            return null;
        }
        String when = result.signedAt() == null ? "-"
                : time.format(result.signedAt().atOffset(ZoneOffset.UTC).toLocalDateTime());
        String serial = result.serial() == null ? "-" : result.serial().toString(16);
        return result.valid() ? Texts.rule("seal.valid", List.of(String.valueOf(result.signer()), when, serial))
                : Texts.rule(result.problem(), List.of());
    }

    /** Algorithm names people know, for the OIDs our seals use. */
    public String getAlgorithm() {
        if (result == null || result.algorithm() == null) {
            return "";
        }
        return switch (result.algorithm()) {
            case "1.2.156.10197.1.501" -> "SM3withSM2";
            case "1.2.156.10197.1.301" -> "SM2";
            case "1.2.840.10045.4.3.2" -> "SHA256withECDSA";
            case "1.2.840.10045.2.1" -> "ECDSA";
            case "1.2.840.113549.1.1.11" -> "SHA256withRSA";
            case "1.2.840.113549.1.1.1" -> "RSA";
            default -> result.algorithm();
        };
    }

    public String getSignedAt() {
        return result == null || result.signedAt() == null ? ""
                : time.format(result.signedAt().atOffset(ZoneOffset.UTC).toLocalDateTime());
    }

    public SealVerification getResult() {
        return result;
    }

    public UploadedFile getDocument() {
        return document;
    }

    public void setDocument(UploadedFile document) {
        this.document = document;
    }

    public UploadedFile getSeal() {
        return seal;
    }

    public void setSeal(UploadedFile seal) {
        this.seal = seal;
    }
}
