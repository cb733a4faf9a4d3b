package org.xuke.identity;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The Bouncy Castle provider, used as an instance and never registered in the JVM-wide list: the
 * application server is shared, and a registered provider would outlive a redeployment.
 * The JDK cannot parse SM2 certificates, so certificates and key stores always go through it.
 */
public final class Crypto {

    public static final Provider BC = new BouncyCastleProvider();

    private Crypto() {
    }
}
