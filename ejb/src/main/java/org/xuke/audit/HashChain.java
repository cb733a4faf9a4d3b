package org.xuke.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 links of the audit chain: each hash covers a row's fields and the previous hash. */
final class HashChain {

    /** SHA-256 of "xuke audit log": the hash before the first row (also in V2__audit_log.sql). */
    static final String GENESIS = sha256("xuke audit log");
    private static final char SEPARATOR = '\u001F';

    private HashChain() {
    }

    static String link(String previousHash, Object... fields) {
        StringBuilder text = new StringBuilder(previousHash);
        for (Object field : fields) {
            // Unit separator between fields and an explicit marker for null, so that
            // ("a", "") and ("a", null) and shifted field boundaries never hash alike.
            text.append(SEPARATOR).append(field == null ? "\u0000" : field.toString());
        }
        return sha256(text.toString());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
