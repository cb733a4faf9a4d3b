package org.xuke.identity;

/** Key types the deployment CA issues: SM2 for seals (GM/T), ECDSA P-256 or RSA for TLS login. */
public enum KeyKind {
    SM2("EC", "sm2p256v1", "SM3withSM2"),
    EC_P256("EC", "secp256r1", "SHA256withECDSA"),
    RSA_2048("RSA", null, "SHA256withRSA");

    private final String algorithm;
    private final String curve;
    private final String signatureAlgorithm;

    KeyKind(String algorithm, String curve, String signatureAlgorithm) {
        this.algorithm = algorithm;
        this.curve = curve;
        this.signatureAlgorithm = signatureAlgorithm;
    }

    public String algorithm() {
        return algorithm;
    }

    /** Named curve for EC keys, null for RSA. */
    public String curve() {
        return curve;
    }

    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }
}
