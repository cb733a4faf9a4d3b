package org.xuke.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The domain.xml rewrite, applied to the domain.xml of the Payara distribution the build uses. */
class LoopbackDomainConfigTest {

    private static String distributionDomainXml() throws IOException {
        try (ZipFile zip = new ZipFile(Path.of(System.getProperty("xuke.payara.zip")).toFile())) {
            var entry = zip.getEntry("payara6/glassfish/domains/domain1/config/domain.xml");
            return new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyListenerOfTheDistributionEndsUpOnLoopback() throws IOException {
        String original = distributionDomainXml();
        assertThat(original).contains("address=\"0.0.0.0\"");

        String patched = LoopbackDomainConfig.apply(original);

        assertThat(patched).doesNotContain("0.0.0.0");
        var listeners = Pattern.compile("<network-listener [^>]*>").matcher(patched).results()
                .map(m -> m.group()).toList();
        assertThat(listeners).isNotEmpty().allSatisfy(l -> assertThat(l).contains("address=\"127.0.0.1\""));
        assertThat(patched).contains("das-bind-address=\"127.0.0.1\"", "interface=\"127.0.0.1\"",
                "-Dhazelcast.socket.bind.any=false");
    }

    @Test
    void serverConfigGetsALoopbackJmsBrokerBeforeTheFirstBoot() throws IOException {
        String patched = LoopbackDomainConfig.apply(distributionDomainXml());
        int start = patched.indexOf("<config name=\"server-config\">");
        String serverConfig = patched.substring(start, patched.indexOf("</config>", start));
        assertThat(serverConfig).contains("start-args=\"-Dimq.hostname=127.0.0.1\"",
                "<jms-host name=\"default_JMS_host\" host=\"127.0.0.1\"");
    }

    @Test
    void httpsListenerAsksForClientCertificatesAndTheApplicationLearnsWhereItsCaIs() throws IOException {
        String patched = LoopbackDomainConfig.withEkeyLogin(LoopbackDomainConfig.apply(distributionDomainXml()),
                Path.of("/ca/authority"), Path.of("/ca/password"));
        int listener = patched.indexOf("name=\"http-listener-2\">");
        String protocol = patched.substring(listener, patched.indexOf("</protocol>", listener));
        assertThat(protocol).contains("client-auth=\"want\"", "trust-store=\"${com.sun.aas.instanceRoot}/config/"
                + CertificateSetup.EKEY_TRUSTSTORE + "\"").doesNotContain("GlassfishSSLImpl");
        int start = patched.indexOf("<config name=\"server-config\">");
        String serverConfig = patched.substring(start, patched.indexOf("</config>", start));
        assertThat(serverConfig).contains("-Dxuke.ca.keystore=/ca/authority", "-Dxuke.ca.passwordFile=/ca/password");
    }

    @Test
    void theServerLearnsItsPublicAddressFromTheLauncherNotFromRequests() throws IOException {
        String patched = LoopbackDomainConfig.withPublicAddress(LoopbackDomainConfig.apply(distributionDomainXml()),
                "https://127.0.0.1:8181");
        int start = patched.indexOf("<config name=\"server-config\">");
        String serverConfig = patched.substring(start, patched.indexOf("</config>", start));
        assertThat(serverConfig).contains("<jvm-options>-Dxuke.publicBaseUrl=https://127.0.0.1:8181</jvm-options>");
    }

    @Test
    void smsIsOffUnlessTheLauncherNamesAProvider() throws IOException {
        String plain = LoopbackDomainConfig.apply(distributionDomainXml());
        assertThat(plain).doesNotContain("xuke.sms.url");
        String patched = LoopbackDomainConfig.withSms(plain, "http://127.0.0.1:3991/sms");
        int start = patched.indexOf("<config name=\"server-config\">");
        String serverConfig = patched.substring(start, patched.indexOf("</config>", start));
        assertThat(serverConfig).contains("<jvm-options>-Dxuke.sms.url=http://127.0.0.1:3991/sms</jvm-options>");
    }

    @Test
    void theMailSessionPointsAtTheEmbeddedMailServerOnLoopback() {
        String mail = Stack.embeddedMailSession();
        assertThat(mail).contains("--mailhost 127.0.0.1", "mail-smtp-port=" + MailServer.SMTP_PORT)
                .endsWith(" " + Resources.MAIL_SESSION);
    }

    @Test
    void bothListenersHideVersionsAndSetSameSiteBeforeTheFirstBoot() throws IOException {
        String patched = LoopbackDomainConfig.withHardenedHttp(LoopbackDomainConfig.apply(distributionDomainXml()));
        int start = patched.indexOf("<config name=\"server-config\">");
        String serverConfig = patched.substring(start, patched.indexOf("</config>", start));
        for (String listener : new String[] {"name=\"http-listener-1\">", "name=\"http-listener-2\">"}) {
            int protocol = serverConfig.indexOf(listener);
            String http = serverConfig.substring(serverConfig.indexOf("<http ", protocol),
                    serverConfig.indexOf(">", serverConfig.indexOf("<http ", protocol)));
            assertThat(http).contains("xpowered-by=\"false\"", "server-header=\"false\"",
                    "cookie-same-site-enabled=\"true\"", "cookie-same-site-value=\"Lax\"");
        }
        String elsewhere = patched.substring(0, start) + patched.substring(patched.indexOf("</config>", start));
        assertThat(elsewhere).doesNotContain("cookie-same-site-enabled");
    }

    @Test
    void anUnexpectedDomainShapeIsRefusedRatherThanHalfPatched() {
        assertThatThrownBy(() -> LoopbackDomainConfig.apply("<domain><configs/></domain>"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("expected shape");
    }

    @Test
    void aBusyPortIsReportedByNumber() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> Ports.requireFree(new int[] {port}, "Test"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("[" + port + "] are in use");
        }
    }

    @Test
    void aBureausDomainServesThePortalOnItsAddressAndKeepsTheRestOnLoopback() throws IOException {
        String patched = LoopbackDomainConfig.withListenAddress(LoopbackDomainConfig.apply(distributionDomainXml()),
                "10.20.30.40", 80, 443);
        int start = patched.indexOf("<config name=\"server-config\">");
        String serverConfig = patched.substring(start, patched.indexOf("</config>", start));
        var listeners = Pattern.compile("<network-listener [^>]*>").matcher(serverConfig).results()
                .map(java.util.regex.MatchResult::group).toList();
        assertThat(listeners).filteredOn(l -> l.contains("name=\"http-listener-1\""))
                .singleElement().asString().contains("address=\"10.20.30.40\"", "port=\"80\"");
        assertThat(listeners).filteredOn(l -> l.contains("name=\"http-listener-2\""))
                .singleElement().asString().contains("address=\"10.20.30.40\"", "port=\"443\"");
        assertThat(listeners).filteredOn(l -> l.contains("name=\"admin-listener\""))
                .singleElement().asString().contains("address=\"127.0.0.1\"");
    }

    @Test
    void theHeapOptionReplacesTheDistributionsAndOtherOptionsAreAdded() throws IOException {
        String patched = LoopbackDomainConfig.withJvmOptions(LoopbackDomainConfig.apply(distributionDomainXml()),
                "-Xmx6g", "-Dxuke.bootstrap.dir=/srv/xuke/bootstrap");
        int start = patched.indexOf("<config name=\"server-config\">");
        String serverConfig = patched.substring(start, patched.indexOf("</config>", start));
        assertThat(serverConfig).contains("<jvm-options>-Xmx6g</jvm-options>",
                "<jvm-options>-Dxuke.bootstrap.dir=/srv/xuke/bootstrap</jvm-options>").doesNotContain("-Xmx2g", "-Xmx512m");
    }

    @Test
    void theBrokersAdminPasswordIsWrittenAsOpenMqHashesIt(@org.junit.jupiter.api.io.TempDir Path domain)
            throws Exception {
        Path users = domain.resolve(DomainSetup.BROKER_USERS);
        java.nio.file.Files.createDirectories(users.getParent());
        // the distribution's file: admin/admin and guest/guest
        java.nio.file.Files.writeString(users, "#comment\nadmin:-2d5455c8583c24eec82c7a1e273ea02e:admin:1\n"
                + "guest:-2c3c4a34aa2c392f39edd112333c230d:anonymous:1\n");
        DomainSetup.brokerAdminPassword(domain, "admin");
        assertThat(java.nio.file.Files.readAllLines(users)).containsExactly("#comment",
                "admin:-2d5455c8583c24eec82c7a1e273ea02e:admin:1", "guest:-2c3c4a34aa2c392f39edd112333c230d:anonymous:1");
        DomainSetup.brokerAdminPassword(domain, "Xk-new-broker-password");
        assertThat(java.nio.file.Files.readAllLines(users).get(1)).startsWith("admin:")
                .doesNotContain("2d5455c8583c24eec82c7a1e273ea02e").endsWith(":admin:1");
    }
}
