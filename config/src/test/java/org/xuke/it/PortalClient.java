package org.xuke.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A browser as the tests need one: HTTPS trusting the deployment root, optionally holding an
 * e-key PKCS#12, keeping cookies, following redirects, and posting Faces forms with their view
 * state and PrimeFaces' CSP nonce.
 */
final class PortalClient {

    static final String HTTP = "http://127.0.0.1:8080";
    static final String HTTPS = "https://127.0.0.1:8181";

    private final HttpClient client;
    private final CookieManager cookies;
    private String lastPage = "";

    private PortalClient(HttpClient client, CookieManager cookies) {
        this.client = client;
        this.cookies = cookies;
    }

    static PortalClient withoutEkey() throws Exception {
        return create(null, null);
    }

    static PortalClient withEkey(Path pkcs12, char[] password) throws Exception {
        return create(Files.readAllBytes(pkcs12), password);
    }

    /** A browser trusting {@code root} (another deployment's CA: the runbook test's) with this e-key. */
    static PortalClient withEkey(Path pkcs12, char[] password, Path root) throws Exception {
        return create(Files.readAllBytes(pkcs12), password, root);
    }

    private static PortalClient create(byte[] pkcs12, char[] password) throws Exception {
        return create(pkcs12, password, Path.of(System.getProperty("xuke.work"), "ca", "authority", "root.crt"));
    }

    private static PortalClient create(byte[] pkcs12, char[] password, Path root) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("root", java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(root))));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyManagerFactory kmf = null;
        if (pkcs12 != null) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(new ByteArrayInputStream(pkcs12), password);
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, password);
        }
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        CookieManager cookies = new CookieManager();
        return new PortalClient(HttpClient.newBuilder().sslContext(tls).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.ALWAYS).connectTimeout(Duration.ofSeconds(10)).build(), cookies);
    }

    /** A POST without a body (what a page's script sends), answering its status. */
    int postEmpty(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The session cookie this browser holds for the portal (what a thief would copy). */
    java.net.HttpCookie sessionCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie"));
    }

    /** Makes this browser send {@code cookie} as its own, as a stolen session cookie would be used. */
    void useCookie(java.net.HttpCookie cookie) {
        cookies.getCookieStore().add(URI.create(HTTPS), (java.net.HttpCookie) cookie.clone());
    }

    /**
     * Sends once more when the TLS connection breaks ("Tag mismatch", connection reset): a known
     * race of Grizzly's TLS 1.3 under load on a busy 2-core machine, not an answer of the portal.
     * The request is sent anew on a fresh connection; a portal error still fails the test.
     */
    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws Exception {
        return sendOnceMore(client, request, handler);
    }

    /** The same for a test's own client (HttpsIT's, with certificates of its own). */
    static <T> HttpResponse<T> sendOnceMore(HttpClient client, HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws Exception {
        try {
            return client.send(request, handler);
        } catch (javax.net.ssl.SSLException | java.net.SocketException e) {
            System.err.println("[PortalClient] " + e + " on " + request.uri() + ": sending again");
            return client.send(request, handler);
        }
    }

    HttpResponse<String> get(String url) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                .header("Accept-Language", "zh-CN").GET().build(), HttpResponse.BodyHandlers.ofString());
        lastPage = response.body();
        return response;
    }

    /** A GET in the given HTTP version (HTTP/2 is what browsers use on 8181; ALPN decides otherwise). */
    HttpResponse<String> get(String url, HttpClient.Version version) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).version(version).header("Accept-Language", "zh-CN").GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts these fields as a plain form (a page that is not a Faces view: the customs simulator's). */
    HttpResponse<String> postForm(String url, Map<String, String> fields) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(encode(fields))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a form of the last page: its view state and nonce, plus the given fields. */
    HttpResponse<String> submit(String url, String formId, Map<String, String> fields) throws Exception {
        Map<String, String> all = formFields(formId, fields);
        HttpResponse<String> response = send(HttpRequest.newBuilder(action(url, formId))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "zh-CN")
                .POST(HttpRequest.BodyPublishers.ofString(encode(all))).build(),
                HttpResponse.BodyHandlers.ofString());
        lastPage = response.body();
        return response;
    }

    /** Posts a multipart form of the last page with one file field. */
    HttpResponse<String> submitFile(String url, String formId, Map<String, String> fields, String fileField,
            String fileName, String content) throws Exception {
        return submitFile(url, formId, fields, fileField, fileName,
                content == null ? null : content.getBytes(StandardCharsets.UTF_8), "text/csv");
    }

    HttpResponse<String> submitFile(String url, String formId, Map<String, String> fields, String fileField,
            String fileName, byte[] content, String contentType) throws Exception {
        return submitFiles(url, formId, fields, Map.of(fileField, new Upload(fileName, content, contentType)));
    }

    /** A file to post: its name (null for none chosen), bytes and declared type. */
    record Upload(String name, byte[] content, String contentType) {
    }

    /** Posts a multipart form of the last page with file fields. */
    HttpResponse<String> submitFiles(String url, String formId, Map<String, String> fields,
            Map<String, Upload> files) throws Exception {
        Map<String, String> all = formFields(formId, fields);
        URI target = action(url, formId);
        String boundary = "----xuke" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (var field : all.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        for (var file : files.entrySet()) {
            Upload upload = file.getValue();
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.getKey()
                    + "\"; filename=\"" + (upload.name() == null ? "" : upload.name()) + "\"\r\nContent-Type: "
                    + (upload.name() == null ? "application/octet-stream" : upload.contentType()) + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            if (upload.content() != null) {
                body.write(upload.content());
            }
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = send(HttpRequest.newBuilder(target)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept-Language", "zh-CN")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        lastPage = response.body();
        return response;
    }

    /** Posts a form of the last page and takes the answer as bytes (a download); the last page stays. */
    HttpResponse<byte[]> submitForBytes(String url, String formId, Map<String, String> fields) throws Exception {
        Map<String, String> all = formFields(formId, fields);
        return send(HttpRequest.newBuilder(action(url, formId))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "zh-CN")
                .POST(HttpRequest.BodyPublishers.ofString(encode(all))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> getBytes(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * A download over HTTP/1.1 with a forged {@code Host} header, as a probe sends it (failsafe lets
     * the client set it: {@code jdk.httpclient.allowRestrictedHeaders=host}).
     */
    HttpResponse<byte[]> getBytesWithHost(String url, String host) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).version(HttpClient.Version.HTTP_1_1).header("Host", host)
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    String lastPage() {
        return lastPage;
    }

    /**
     * Where a browser posts the form: its {@code action} on the last page, against the page's address
     * (Faces writes the view's address without the query string the page was opened with).
     */
    private URI action(String url, String formId) {
        Matcher m = Pattern.compile("<form id=\"" + Pattern.quote(formId) + "\"[^>]*? action=\"([^\"]*)\"")
                .matcher(lastPage == null ? "" : lastPage);
        return m.find() ? URI.create(url).resolve(m.group(1).replace("&amp;", "&")) : URI.create(url);
    }

    private Map<String, String> formFields(String formId, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put(formId, formId);
        all.putAll(fields);
        all.put("primefaces.nonce", find(lastPage, "nonce=\"([^\"]+)\""));
        all.put("jakarta.faces.ViewState",
                find(lastPage, "<form id=\"" + formId + "\".*?name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\""));
        return all;
    }

    private static String encode(Map<String, String> all) {
        return all.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /** Opens the sign-in page and submits user name and password; returns the page it lands on. */
    HttpResponse<String> login(String username, String password) throws Exception {
        get(HTTPS + "/login.xhtml");
        return submit(HTTPS + "/login.xhtml", "login",
                Map.of("login:username", username, "login:password", password, "login:submit", ""));
    }

    /** A list page's search: opens it, fills {@code fields} and presses the form's 查询 ({@code form:find}). */
    String search(String url, String form, Map<String, String> fields) throws Exception {
        get(url);
        Map<String, String> all = new java.util.HashMap<>(fields);
        all.put(form + ":find", "");
        return submit(url, form, all).body();
    }

    /**
     * What a sortable PrimeFaces table header sends: the column's client id ({@code form:table:column})
     * and the direction, 1 or -1; opens the page first.
     */
    String sortBy(String url, String form, String column, int direction) throws Exception {
        get(url);
        String table = column.substring(0, column.lastIndexOf(':'));
        return submit(url, form, Map.of(table + "_sorting", "true", table + "_sortKey", column,
                table + "_sortDir", String.valueOf(direction))).body();
    }

    /** Every first group of {@code regex} in the page, in order. */
    static java.util.List<String> findAll(String html, String regex) {
        java.util.List<String> found = new java.util.ArrayList<>();
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(html);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    static String find(String html, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(html);
        assertTrue(m.find(), () -> "page has " + regex + ":\n" + html.substring(0, Math.min(2000, html.length())));
        return m.group(1);
    }
}
