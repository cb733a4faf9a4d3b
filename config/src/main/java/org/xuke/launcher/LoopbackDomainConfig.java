package org.xuke.launcher;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites a fresh domain.xml so that nothing listens beyond the loopback address, before the
 * domain first boots (out of the box Payara listens on all interfaces): HTTP, HTTPS and admin
 * listeners, IIOP, JMX, Hazelcast and the embedded JMS broker.
 */
final class LoopbackDomainConfig {

    private static final String LOOPBACK = Settings.LOOPBACK;
    private static final Pattern LISTENER_WITHOUT_ADDRESS = Pattern.compile("<network-listener (?![^>]*address=)");
    private static final Pattern HAZELCAST = Pattern.compile("<hazelcast-runtime-configuration ");
    private static final Pattern SERVER_CONFIG_JVM_OPTIONS =
            Pattern.compile("(<config name=\"server-config\">.*?<java-config[^>]*>)", Pattern.DOTALL);
    private static final Pattern SERVER_CONFIG_NETWORK =
            Pattern.compile("(<config name=\"server-config\">.*?)(<network-config>)", Pattern.DOTALL);

    private LoopbackDomainConfig() {
    }

    static String apply(String xml) {
        String result = xml.replace("address=\"0.0.0.0\"", "address=\"" + LOOPBACK + "\"");
        result = LISTENER_WITHOUT_ADDRESS.matcher(result).replaceAll("<network-listener address=\"" + LOOPBACK + "\" ");
        result = HAZELCAST.matcher(result).replaceFirst(
                "<hazelcast-runtime-configuration das-bind-address=\"" + LOOPBACK + "\" interface=\"" + LOOPBACK
                        + "\" das-public-address=\"" + LOOPBACK + "\" ");
        result = replaceOnce(result, SERVER_CONFIG_JVM_OPTIONS,
                "$1\n                <jvm-options>-Dhazelcast.socket.bind.any=false</jvm-options>");
        // Payara's default 512 MB heap keeps the collector busy once a few dozen sessions hold views
        result = result.replace("<jvm-options>-Xmx512m</jvm-options>", "<jvm-options>-Xmx2g</jvm-options>");
        if (!serverConfig(result).contains("<jms-service")) {
            // jms-service appears in server-config only after a first boot; write it now so the
            // broker never starts on all interfaces.
            result = replaceOnce(result, SERVER_CONFIG_NETWORK, "$1<jms-service type=\"EMBEDDED\" "
                    + "default-jms-host=\"default_JMS_host\" addresslist-behavior=\"priority\" "
                    + "start-args=\"-Dimq.hostname=" + LOOPBACK + "\">\n"
                    + "                <jms-host name=\"default_JMS_host\" host=\"" + LOOPBACK + "\" port=\"7676\" "
                    + "admin-user-name=\"admin\" admin-password=\"admin\" lazy-init=\"true\" />\n"
                    + "            </jms-service>\n            $2");
        }
        return result;
    }

    /**
     * The e-key login settings: the HTTPS listener asks for a client certificate (want: the
     * public pages stay reachable without one) issued under the deployment CA alone, and the
     * application learns where its CA is.
     */
    static String withEkeyLogin(String xml, java.nio.file.Path caKeystore, java.nio.file.Path caPasswordFile) {
        String ssl = "<ssl classname=\"com.sun.enterprise.security.ssl.GlassfishSSLImpl\" cert-nickname=\"s1as\">";
        int listener = xml.indexOf("<protocol security-enabled=\"true\" name=\"http-listener-2\">");
        int at = xml.indexOf(ssl, listener);
        if (listener < 0 || at < 0 || at > xml.indexOf("</protocol>", listener)) {
            throw new IllegalStateException("domain.xml does not have the expected shape: http-listener-2 ssl");
        }
        // Grizzly's own JSSE implementation honours the listener's trust-store; Payara's
        // GlassfishSSLImpl would use the domain truststore with the JDK's ~150 public roots
        String stores = "${com.sun.aas.instanceRoot}/config/";
        String ekeySsl = "<ssl classname=\"org.glassfish.grizzly.config.ssl.JSSEImplementation\" client-auth=\"want\""
                + " cert-nickname=\"s1as\" key-store=\"" + stores + "keystore.p12\" key-store-type=\"PKCS12\""
                + " trust-store=\"" + stores + CertificateSetup.EKEY_TRUSTSTORE + "\" trust-store-type=\"PKCS12\">";
        String result = xml.substring(0, at) + ekeySsl + xml.substring(at + ssl.length());
        return replaceOnce(result, SERVER_CONFIG_JVM_OPTIONS,
                "$1\n                <jvm-options>-Dxuke.ca.keystore=" + caKeystore + "</jvm-options>"
                        + "\n                <jvm-options>-Dxuke.ca.passwordFile=" + caPasswordFile + "</jvm-options>");
    }

    /**
     * The HTTP and HTTPS listeners of the server: no versions in {@code Server} / {@code X-Powered-By},
     * and SameSite=Lax on cookies (Payara does not apply web.xml's cookie attribute). Written before
     * the first boot: set at run time, each attribute restarts the listener, and one such restart
     * racing the deployment once left the HTTP listener down.
     */
    static String withHardenedHttp(String xml) {
        return patchServerConfig(xml, config -> {
            String patched = config;
            for (String listener : new String[] {"<protocol name=\"http-listener-1\">",
                    "<protocol security-enabled=\"true\" name=\"http-listener-2\">"}) {
                int protocol = patched.indexOf(listener);
                int http = patched.indexOf("<http ", protocol);
                if (protocol < 0 || http < 0 || http > patched.indexOf("</protocol>", protocol)) {
                    throw new IllegalStateException("domain.xml does not have the expected shape: " + listener);
                }
                patched = patched.substring(0, http) + "<http xpowered-by=\"false\" server-header=\"false\" "
                        + "cookie-same-site-enabled=\"true\" cookie-same-site-value=\"Lax\" "
                        + patched.substring(http + "<http ".length());
            }
            return patched;
        });
    }

    /**
     * The portal's public address, printed and signed into licences: the loopback HTTPS listener the
     * run command and the tests serve (a bureau sets its own; never taken from a request).
     */
    static String withPublicAddress(String xml, String address) {
        return replaceOnce(xml, SERVER_CONFIG_JVM_OPTIONS,
                "$1\n                <jvm-options>-Dxuke.publicBaseUrl=" + address + "</jvm-options>");
    }

    /** The folder the reconciliation reads customs' declarations files from (docs/OPERATIONS.md). */
    static String withDeclarationsFolder(String xml, java.nio.file.Path folder) {
        return replaceOnce(xml, SERVER_CONFIG_JVM_OPTIONS,
                "$1\n                <jvm-options>-Dxuke.declarations.dir=" + folder + "</jvm-options>");
    }

    /** The SMS provider's address (off unless given; the tests point it at their own endpoint). */
    static String withSms(String xml, String url) {
        return replaceOnce(xml, SERVER_CONFIG_JVM_OPTIONS,
                "$1\n                <jvm-options>-Dxuke.sms.url=" + url + "</jvm-options>");
    }

    /**
     * Demo mode for the run command only: the demo accounts may sign in by password alone (a
     * banner says so on every page) and the application writes them, with their e-keys, to
     * {@code demoDir}. The test and production configurations never call this.
     */
    static String withDemo(String xml, String demoAccounts, java.nio.file.Path demoDir) {
        return replaceOnce(xml, SERVER_CONFIG_JVM_OPTIONS,
                "$1\n                <jvm-options>-Dxuke.demo.accounts=" + demoAccounts + "</jvm-options>"
                        + "\n                <jvm-options>-Dxuke.demo.dir=" + demoDir + "</jvm-options>"
                        // the demo's declarant at customs declares against the demo licence there
                        + "\n                <jvm-options>-Dxuke.demo.customsSim=http://127.0.0.1:8080/customs-sim/"
                        + "</jvm-options>");
    }

    /**
     * A bureau's server: the portal's two listeners (HTTP and HTTPS) on {@code address} and the given
     * ports; everything else (admin, IIOP, JMX, Hazelcast, the JMS broker) stays on the loopback address.
     */
    static String withListenAddress(String xml, String address, int httpPort, int httpsPort) {
        return patchServerConfig(xml, config -> {
            String patched = config;
            for (String[] listener : new String[][] {{"http-listener-1", String.valueOf(httpPort)},
                    {"http-listener-2", String.valueOf(httpsPort)}}) {
                Matcher m = Pattern.compile("<network-listener [^>]*name=\"" + listener[0] + "\"[^>]*>").matcher(patched);
                if (!m.find()) {
                    throw new IllegalStateException("domain.xml does not have the expected shape: " + listener[0]);
                }
                String element = m.group().replaceFirst("address=\"[^\"]*\"", "address=\"" + address + "\"")
                        .replaceFirst("port=\"[^\"]*\"", "port=\"" + listener[1] + "\"");
                patched = patched.substring(0, m.start()) + element + patched.substring(m.end());
            }
            return patched;
        });
    }

    /** JVM options of the server (each {@code -Dname=value} or {@code -Xmx...}); a heap option replaces the old one. */
    static String withJvmOptions(String xml, String... options) {
        String result = xml;
        for (String option : options) {
            if (option.startsWith("-Xmx")) {
                result = patchServerConfig(result, config -> config.replaceFirst("<jvm-options>-Xmx[^<]*</jvm-options>",
                        "<jvm-options>" + Matcher.quoteReplacement(option) + "</jvm-options>"));
                continue;
            }
            result = replaceOnce(result, SERVER_CONFIG_JVM_OPTIONS,
                    "$1\n                <jvm-options>" + Matcher.quoteReplacement(option) + "</jvm-options>");
        }
        return result;
    }

    /** {@code xml} with the server's {@code <config>} element replaced by what {@code patch} makes of it. */
    private static String patchServerConfig(String xml, java.util.function.UnaryOperator<String> patch) {
        String config = serverConfig(xml);
        int configStart = xml.indexOf(config);
        return xml.substring(0, configStart) + patch.apply(config) + xml.substring(configStart + config.length());
    }

    private static String serverConfig(String xml) {
        int start = xml.indexOf("<config name=\"server-config\">");
        int end = xml.indexOf("</config>", start);
        return start < 0 || end < 0 ? "" : xml.substring(start, end);
    }

    private static String replaceOnce(String text, Pattern pattern, String replacement) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("domain.xml does not have the expected shape: " + pattern);
        }
        return matcher.replaceFirst(replacement);
    }
}
