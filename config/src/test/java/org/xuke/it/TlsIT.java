package org.xuke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTTPS listener accepts client certificates of the deployment's e-key CA only (issue 23,
 * finding 6): in the handshake it names the CAs it accepts, and that list is the deployment root
 * alone, not the JDK's public roots.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TlsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(TlsIT.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void theListenerAsksForCertificatesOfTheDeploymentCaAlone(String protocol) throws Exception {
        X509Certificate root = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(Files.readAllBytes(Path.of(System.getProperty("xuke.work"), "ca",
                        "authority", "root.crt"))));
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("root", root);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        AskedIssuers asked = new AskedIssuers();
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(new javax.net.ssl.KeyManager[] {asked}, tmf.getTrustManagers(), null);
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", 8181)) {
            socket.setEnabledProtocols(new String[] {protocol});
            socket.startHandshake();
            assertEquals(protocol, socket.getSession().getProtocol());
        }
        assertNotNull(asked.issuers, "the server asked for a client certificate");
        assertEquals(List.of(root.getSubjectX500Principal()), asked.issuers, () -> asked.issuers.size()
                + " CAs accepted for client certificates, e.g. " + asked.issuers.subList(0, Math.min(3, asked.issuers.size())));
    }

    /** Presents no certificate; remembers which issuers the server said it accepts. */
    private static final class AskedIssuers extends X509ExtendedKeyManager {
        List<Principal> issuers;

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            this.issuers = issuers == null ? List.of() : new ArrayList<>(List.of(issuers));
            return null;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            return chooseClientAlias(keyType, issuers, null);
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[0];
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return new String[0];
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return null;
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return null;
        }
    }
}
