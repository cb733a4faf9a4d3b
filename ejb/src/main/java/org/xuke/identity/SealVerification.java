package org.xuke.identity;

import java.io.Serializable;
import java.math.BigInteger;
import java.time.Instant;

/**
 * What checking a seal found: whether it verifies, and who sealed when with which certificate.
 * {@code problem} is a message key of IdentityMessages when it does not verify.
 */
public record SealVerification(boolean valid, String signer, BigInteger serial, Instant signedAt,
        String algorithm, String problem) implements Serializable {

    static SealVerification failed(String problem, String signer, BigInteger serial, Instant signedAt,
            String algorithm) {
        return new SealVerification(false, signer, serial, signedAt, algorithm, problem);
    }
}
