package org.xuke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a probe of the headers found (issue 23, finding 4), on HTTP/1.1 and HTTP/2 alike: pages
 * cannot be framed (X-Frame-Options and CSP frame-ancestors), a complete CSP, HSTS on HTTPS, a
 * SameSite session cookie, no server versions, and pages that browsers do not store; and the admin
 * interface wants its password (finding 1).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HeadersIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(HeadersIT.class);
    }

    @ParameterizedTest
    @EnumSource(value = HttpClient.Version.class)
    void everyPageSaysHowItMayBeUsed(HttpClient.Version version) throws Exception {
        PortalClient browser = PortalClient.withoutEkey();
        for (String page : List.of(PortalClient.HTTPS + "/login.xhtml", PortalClient.HTTPS + "/public/verify.xhtml",
                PortalClient.HTTPS + "/public/ekey.xhtml")) {
            HttpResponse<String> response = browser.get(page, version);
            assertEquals(200, response.statusCode(), page);
            assertEquals(version, response.version(), "the client spoke " + version);
            var headers = response.headers();
            assertEquals("DENY", headers.firstValue("X-Frame-Options").orElse(""), page);
            assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElse(""), page);
            assertTrue(headers.firstValue("Strict-Transport-Security").orElse("").startsWith("max-age="), page);
            assertEquals("no-store", headers.firstValue("Cache-Control").orElse(""), page);
            List<String> policies = headers.allValues("Content-Security-Policy");
            assertEquals(1, policies.size(), "one policy, not two to intersect: " + policies);
            String csp = policies.get(0);
            for (String directive : List.of("default-src 'self'", "object-src 'none'", "base-uri 'self'",
                    "frame-ancestors 'none'", "form-action 'self'")) {
                assertTrue(csp.contains(directive), directive + " in " + csp);
            }
            assertTrue(csp.matches(".*script-src 'self' 'nonce-[^']+';?"), "scripts by nonce: " + csp);
            assertFalse(headers.firstValue("X-Powered-By").isPresent(), "X-Powered-By: " + headers.map());
            assertFalse(headers.firstValue("Server").orElse("").matches(".*\\d.*"), "no version in Server");
        }
    }

    @ParameterizedTest
    @EnumSource(value = HttpClient.Version.class)
    void theSessionCookieIsHttpOnlySecureAndSameSite(HttpClient.Version version) throws Exception {
        HttpResponse<String> login = PortalClient.withoutEkey().get(PortalClient.HTTPS + "/login.xhtml", version);
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElse("");
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("Secure"), cookie);
        assertTrue(cookie.matches("(?i).*SameSite=Lax.*"), cookie);
    }

    @ParameterizedTest
    @EnumSource(value = HttpClient.Version.class)
    void stylesAndScriptsStayCacheable(HttpClient.Version version) throws Exception {
        HttpResponse<String> css = PortalClient.withoutEkey().get(PortalClient.HTTPS
                + "/jakarta.faces.resource/xuke.css.xhtml?ln=xuke", version);
        assertEquals(200, css.statusCode());
        assertFalse(css.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        assertEquals("DENY", css.headers().firstValue("X-Frame-Options").orElse(""));
    }

    /** The admin listener (and its REST interface) wants the deployment's admin password (finding 1). */
    @Test
    void theAdminInterfaceAnswersOnlyWithItsPassword() throws Exception {
        HttpClient plain = HttpClient.newHttpClient();
        URI management = URI.create("http://127.0.0.1:4848/management/domain/configs/config/server-config/java-config");
        HttpResponse<String> anonymous = plain.send(HttpRequest.newBuilder(management)
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        assertFalse(anonymous.body().contains("passwordFile"), "nothing of the JVM options without signing in");
        String basic = Base64.getEncoder().encodeToString(("admin:" + System.getProperty("xuke.admin.password"))
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> signedIn = plain.send(HttpRequest.newBuilder(management).header("Authorization",
                "Basic " + basic).header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, signedIn.statusCode(), signedIn.body());
        String wrong = Base64.getEncoder().encodeToString("admin:".getBytes(StandardCharsets.UTF_8));
        assertEquals(401, plain.send(HttpRequest.newBuilder(management).header("Authorization", "Basic " + wrong)
                .GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode(), "the empty password is gone");
    }
}
