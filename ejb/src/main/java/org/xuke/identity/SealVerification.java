package org.xuke.identity;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import java.io.Serializable;
import java.math.BigInteger;
import java.time.Instant;

/**
 * What checking a seal found: whether it verifies, and who sealed when with which certificate.
 * {@code problem} is a message key of IdentityMessages when it does not verify.
 */
public record SealVerification(boolean valid, String signer, BigInteger serial, Instant signedAt,
        String algorithm, String problem) implements Serializable {

    /**
     * The signer as people read him: organisation and name from the certificate's subject
     * ("辽宁省商务厅 FAZHENG"), never the raw distinguished name.
     */
    public String signerName() {
        if (signer == null) {
            return null;
        }
        try {
            X500Name name = new X500Name(signer);
            String organisation = first(name, BCStyle.O);
            String person = first(name, BCStyle.CN);
            String shown = ((organisation == null ? "" : organisation) + " " + (person == null ? "" : person)).strip();
            return shown.isEmpty() ? signer : shown;
        } catch (IllegalArgumentException e) {
            return signer;
        }
    }

    private static String first(X500Name name, org.bouncycastle.asn1.ASN1ObjectIdentifier type) {
        RDN[] found = name.getRDNs(type);
        return found.length == 0 ? null : IETFUtils.valueToString(found[0].getFirst().getValue());
    }

    static SealVerification failed(String problem, String signer, BigInteger serial, Instant signedAt,
            String algorithm) {
        return new SealVerification(false, signer, serial, signedAt, algorithm, problem);
    }
}
