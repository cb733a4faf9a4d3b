package org.xuke.identity;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;

/**
 * The PKCS#12 a holder downloads for e-key login: the JDK's own PKCS12 (PBES2 with AES-256 and an
 * HMAC-SHA256 MAC on JDK 17), which curl/OpenSSL 3, Java and browsers import; never Bouncy
 * Castle's default PKCS12 with RC2/3DES. TLS login keys are ECDSA or RSA, which the JDK handles.
 */
public final class Pkcs12 {

    public static final String ALIAS = "xuke";

    private Pkcs12() {
    }

    public static byte[] export(PrivateKey key, List<X509Certificate> chain, char[] password) {
        if (password == null || password.length < 8) {
            throw new IllegalArgumentException("A PKCS#12 password needs at least 8 characters");
        }
        try {
            PrivateKey jdkKey = KeyFactory.getInstance(key.getAlgorithm().equals("RSA") ? "RSA" : "EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            Certificate[] jdkChain = new Certificate[chain.size()];
            for (int i = 0; i < chain.size(); i++) {
                jdkChain[i] = factory.generateCertificate(new ByteArrayInputStream(chain.get(i).getEncoded()));
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, jdkKey, password, jdkChain);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot write the PKCS#12 file", e);
        }
    }
}
