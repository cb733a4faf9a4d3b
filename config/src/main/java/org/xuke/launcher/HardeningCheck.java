package org.xuke.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xuke.launcher.AdminTool.Home;
import org.xuke.launcher.AdminTool.Options;

/**
 * {@code check}: what of a set-up domain is not hardened yet, one line each, read from its files
 * (and from the running admin listener). Exit status 0 when nothing is left, 3 otherwise.
 */
final class HardeningCheck {

    private final Home home;
    private final Path domain;
    private final List<String> open = new ArrayList<>();

    HardeningCheck(Options options) {
        this.home = options.home();
        this.domain = options.path("payara").resolve("glassfish/domains/" + options.get("domain", PayaraServer.DOMAIN));
    }

    int run() throws Exception {
        String xml = Files.readString(domain.resolve("config/domain.xml"), StandardCharsets.UTF_8);
        String server = serverConfig(xml);
        check(xml.contains("-Dxuke.ca.keystore"), "set up by xuke-admin setup-domain", "run setup-domain");
        check(!xml.contains("-Dxuke.demo."), "demo mode off", "remove the -Dxuke.demo.* JVM options");
        check(!server.contains("address=\"0.0.0.0\""), "no listener on every interface",
                "bind each listener to an address of its own (setup-domain --listen)");
        check(listenerAddress(server, "admin-listener").equals("127.0.0.1"), "admin listener on 127.0.0.1 only",
                "bind the admin listener to 127.0.0.1 (reach it over SSH)");
        check(Pattern.compile("<secure-admin [^>]*enabled=\"true\"").matcher(xml).find(), "secure admin enabled",
                "asadmin enable-secure-admin, then restart-domain");
        check(Pattern.compile("password=\\$\\{ALIAS=[^}]+}").matcher(server).find()
                        || Pattern.compile("name=\"password\" value=\"\\$\\{ALIAS=").matcher(xml).find(),
                "database password only as a password alias", "create-password-alias and set the pool's password to"
                        + " ${ALIAS=...}");
        check(xml.contains("client-auth=\"want\"") && xml.contains(CertificateSetup.EKEY_TRUSTSTORE),
                "HTTPS listener asks for e-keys of the deployment CA alone", "run setup-domain");
        Matcher url = Pattern.compile("-Dxuke\\.publicBaseUrl=(\\S+?)</jvm-options>").matcher(server);
        String publicUrl = url.find() ? url.group(1) : "";
        check(publicUrl.startsWith("https://") && !publicUrl.contains("127.0.0.1") && !publicUrl.contains("localhost"),
                "public address " + publicUrl, "set -Dxuke.publicBaseUrl to the address users and customs reach"
                        + " (printed on licences)");
        checkServerCertificate();
        Matcher jmsHost = Pattern.compile("<jms-host [^>]*>").matcher(server);
        check(jmsHost.find() && jmsHost.group().contains("admin-password=\"${ALIAS="),
                "OpenMQ broker's admin password changed, read from a password alias",
                "run setup-domain (the broker's admin user has the distribution's password)");
        check(Files.getPosixFilePermissions(domain.resolve("config")).stream().allMatch(m -> m.name().startsWith("OWNER")),
                "the domain's config folder (key stores, aliases) owner-only", "chmod 700 " + domain.resolve("config"));
        for (Path secret : List.of(home.caPassword(), home.adminPassword(), home.dbPassword(), home.asadminLogin())) {
            if (Files.exists(secret)) {
                Set<PosixFilePermission> modes = Files.getPosixFilePermissions(secret);
                check(modes.stream().allMatch(m -> m.name().startsWith("OWNER")), secret + " owner-only",
                        "chmod 600 " + secret);
            }
        }
        check(!"root".equals(System.getProperty("user.name")), "not run as root",
                "run Payara and xuke-admin as an unprivileged account of their own");
        checkAdminPassword(xml);
        Path last = home.dir().resolve("last-backup");
        Instant backedUp = Files.isRegularFile(last)
                ? Instant.parse(Files.readString(last).strip().split(" ")[0]) : Instant.EPOCH;
        check(backedUp.isAfter(Instant.now().minus(Duration.ofDays(1))), "backup within a day ("
                + (backedUp.equals(Instant.EPOCH) ? "none" : backedUp) + ")", "xuke-admin backup, every night (cron)");
        System.out.println(open.isEmpty() ? "Nothing left to harden." : open.size() + " thing(s) left to harden.");
        return open.isEmpty() ? 0 : 3;
    }

    private void checkServerCertificate() throws Exception {
        Path keys = domain.resolve("config/keystore.p12");
        KeyStore store = CertificateSetup.load(keys, CertificateSetup.DEFAULT_STORE_PASSWORD.toCharArray());
        X509Certificate certificate = (X509Certificate) store.getCertificate("s1as");
        boolean fresh = certificate.getNotAfter().toInstant().isAfter(Instant.now().plus(Duration.ofDays(30)));
        check(fresh && !certificate.getSubjectX500Principal().getName().contains("Payara"),
                "server certificate " + certificate.getSubjectX500Principal().getName() + ", issued by "
                        + certificate.getIssuerX500Principal().getName() + ", valid to "
                        + certificate.getNotAfter().toInstant(),
                "xuke-admin server-cert (renew at least 30 days before it ends)");
    }

    /** The admin listener refuses a request without the password (401), over HTTP or, with secure admin, HTTPS. */
    private void checkAdminPassword(String xml) throws Exception {
        boolean secure = Pattern.compile("<secure-admin [^>]*enabled=\"true\"").matcher(xml).find();
        String url = (secure ? "https" : "http") + "://127.0.0.1:4848/management/domain/version";
        javax.net.ssl.SSLContext anyCertificate = javax.net.ssl.SSLContext.getInstance("TLS");
        // only to ask the local admin listener whether it wants a password; nothing is sent
        anyCertificate.init(null, new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String type) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String type) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        try {
            int status = HttpClient.newBuilder().sslContext(anyCertificate).connectTimeout(Duration.ofSeconds(3)).build()
                    .send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json")
                            .header("X-Requested-By", "xuke-admin").build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            check(status == 401, "admin interface wants a password (" + status + ")",
                    "asadmin change-admin-password");
        } catch (java.io.IOException e) {
            System.out.println("[?]    admin interface not reached at " + url + " (domain stopped?): " + e.getMessage());
        }
    }

    private static String listenerAddress(String server, String name) {
        Matcher m = Pattern.compile("<network-listener [^>]*name=\"" + name + "\"[^>]*>").matcher(server);
        if (!m.find()) {
            return "";
        }
        Matcher address = Pattern.compile("address=\"([^\"]*)\"").matcher(m.group());
        return address.find() ? address.group(1) : "0.0.0.0";
    }

    private static String serverConfig(String xml) {
        int start = xml.indexOf("<config name=\"server-config\">");
        return start < 0 ? "" : xml.substring(start, xml.indexOf("</config>", start));
    }

    private void check(boolean done, String what, String todo) {
        if (done) {
            System.out.println("[ok]   " + what);
        } else {
            open.add(what);
            System.out.println("[todo] " + what + ": " + todo);
        }
    }
}
