package org.xuke.it;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The e-key of a browser under test. Headless Chromium cannot pick a client certificate without a
 * dialog, so the browser talks to this proxy on loopback (HTTP CONNECT, then TLS the browser is
 * told to accept), and the proxy opens the real mutual-TLS connection to the portal with the
 * holder's PKCS#12, trusting only the deployment root. The portal sees exactly what a browser
 * with the e-key plugged in would present.
 */
final class EkeyProxy implements AutoCloseable {

    private final ServerSocket server;
    private final SSLContext towardsBrowser;
    private final SSLContext towardsPortal;
    private final Thread acceptor;

    EkeyProxy(Path pkcs12, char[] password) throws Exception {
        towardsPortal = portalContext(pkcs12, password);
        towardsBrowser = selfSigned();
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "ekey-proxy-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The value of Chromium's --proxy-server. */
    String address() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket browser = server.accept();
                Thread worker = new Thread(() -> tunnel(browser), "ekey-proxy-tunnel");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void tunnel(Socket browser) {
        try (browser) {
            String target = connectTarget(browser.getInputStream());
            OutputStream toBrowser = browser.getOutputStream();
            if (target == null) {
                toBrowser.write("HTTP/1.1 405 Only CONNECT\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            String host = target.substring(0, target.lastIndexOf(':'));
            int port = Integer.parseInt(target.substring(target.lastIndexOf(':') + 1));
            toBrowser.write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            toBrowser.flush();
            try (SSLSocket inner = (SSLSocket) towardsBrowser.getSocketFactory().createSocket(browser,
                    browser.getInetAddress().getHostAddress(), browser.getPort(), true);
                    SSLSocket outer = (SSLSocket) towardsPortal.getSocketFactory().createSocket(host, port)) {
                inner.setUseClientMode(false);
                inner.startHandshake();
                outer.startHandshake();
                Thread back = new Thread(() -> pump(outer, inner), "ekey-proxy-back");
                back.setDaemon(true);
                back.start();
                pump(inner, outer);
                back.join(5_000);
            }
        } catch (Exception e) {
            // the browser or the portal closed the connection
        }
    }

    private static void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16_384];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n; (n = in.read(buffer)) >= 0;) {
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException | UnsupportedOperationException e) {
            try {
                to.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /** Reads "CONNECT host:port HTTP/1.1" and its headers; null for anything else. */
    private static String connectTarget(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : 0;
        }
        String first = head.toString(StandardCharsets.US_ASCII).lines().findFirst().orElse("");
        String[] parts = first.split(" ");
        return parts.length == 3 && parts[0].equals("CONNECT") ? parts[1] : null;
    }

    private static SSLContext portalContext(Path pkcs12, char[] password) throws Exception {
        Path root = Path.of(System.getProperty("xuke.work"), "ca", "authority", "root.crt");
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("root", java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(root))));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(new ByteArrayInputStream(Files.readAllBytes(pkcs12)), password);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return context;
    }

    /** A throw-away certificate for the browser side (Chromium runs with --ignore-certificate-errors). */
    private static SSLContext selfSigned() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=127.0.0.1");
        Date now = new Date();
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                name, BigInteger.valueOf(now.getTime()), new Date(now.getTime() - 60_000),
                new Date(now.getTime() + 86_400_000L), name, pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] secret = "proxy".toCharArray();
        store.setKeyEntry("proxy", pair.getPrivate(), secret, new X509Certificate[] {certificate});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, secret);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
