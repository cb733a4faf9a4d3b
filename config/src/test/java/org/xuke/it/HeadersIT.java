package org.xuke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a probe of the headers found (issue 23, finding 4), on HTTP/1.1 and HTTP/2 alike: pages
 * cannot be framed (X-Frame-Options and CSP frame-ancestors), a complete CSP, HSTS on HTTPS, a
 * SameSite session cookie, no server versions, and pages that browsers do not store.
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
}
