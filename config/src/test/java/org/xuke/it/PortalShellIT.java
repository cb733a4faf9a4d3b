package org.xuke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Language switch and expired views, as a browser meets them. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PortalShellIT {

    private static final String CATALOG = "http://127.0.0.1:8080/public/catalog.xhtml?kind=currency";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(PortalShellIT.class);
    }

    @Test
    void englishIsSwitchableAndStaysForTheSessionAndChineseComesBack() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String page = get(browser, CATALOG);
        assertTrue(page.contains("货币代码"));

        String english = switchLanguage(browser, page, "en");
        assertTrue(english.contains("Currencies") && english.contains("Reference catalogues"), "English page");
        assertTrue(!english.contains("货币代码"), "no Chinese label left on the English page");
        assertTrue(get(browser, "http://127.0.0.1:8080/").contains("Enterprise portal"), "kept for the session");

        String chinese = switchLanguage(browser, english, "zh");
        assertTrue(chinese.contains("货币代码"));
    }

    @Test
    void catalogueValuesAreReadInTheLanguageOfThePage() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String page = get(browser, "http://127.0.0.1:8080/public/catalog.xhtml?kind=commodity&code=8112921000");
        assertTrue(page.contains("035 千克") && page.contains(">出口许可证<"), "unit by name, management as stored");

        String english = switchLanguage(browser, page, "en");
        assertTrue(english.contains("035 kilogram"), "the unit's English name");
        assertTrue(english.contains(">Export licence<"), "管理方式 in English");
        assertFalse(english.contains("千克") || english.contains(">出口许可证<"), "nothing of them left in Chinese");
    }

    @Test
    void aPostbackAfterTheSessionIsGoneShowsTheExpiredPage() throws Exception {
        HttpClient first = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String page = get(first, CATALOG);
        // A new client has no session: as if the user came back after the session timed out.
        HttpClient later = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> response = post(later, "http://127.0.0.1:8080/public/catalog.xhtml", Map.of(
                "search", "search", "search:code", "502", "search:submit", "",
                "primefaces.nonce", find(page, "nonce=\"([^\"]+)\""),
                "jakarta.faces.ViewState", viewState(page, "search")));
        assertTrue(response.body().contains("页面已过期"), "expired page, status " + response.statusCode());
    }

    private static String switchLanguage(HttpClient browser, String page, String language) throws Exception {
        String action = find(page, "<form id=\"language\"[^>]*action=\"([^\"]+)\"");
        HttpResponse<String> response = post(browser, "http://127.0.0.1:8080" + action.replace("&amp;", "&"), Map.of(
                "language", "language", "language:" + language, "language:" + language,
                "primefaces.nonce", find(page, "nonce=\"([^\"]+)\""),
                "jakarta.faces.ViewState", viewState(page, "language")));
        assertEquals(200, response.statusCode());
        return response.body();
    }

    private static String viewState(String page, String formId) {
        return find(page, "<form id=\"" + formId + "\".*?name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    }

    private static String get(HttpClient client, String url) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    private static HttpResponse<String> post(HttpClient client, String url, Map<String, String> fields)
            throws Exception {
        String form = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String find(String html, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(html);
        assertTrue(m.find(), "page has " + regex);
        return m.group(1);
    }
}
