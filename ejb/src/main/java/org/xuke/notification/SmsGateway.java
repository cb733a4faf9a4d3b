package org.xuke.notification;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * SMS through the bureau's provider, in the HTTP form most Chinese SMS providers offer: a POST of
 * {@code account}, {@code password}, {@code mobile} and {@code content} (the signature 【…】 in
 * front), answered with a code where "0" means accepted. Configured per bureau by system properties
 * (docs/OPERATIONS.md; the password in a file); off unless {@code xuke.sms.url} is set.
 */
@ApplicationScoped
public class SmsGateway {

    static final String URL = "xuke.sms.url";
    private static final Pattern DEFAULT_ACCEPTED = Pattern.compile("\"?code\"?\\s*[:=]\\s*\"?0\"?(\\D|$)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * The provider's password, from the file {@code xuke.sms.passwordFile} (readable by the server
     * account only): a secret never stands in the JVM options, where process listings show it.
     */
    private static String password() throws IOException {
        String file = System.getProperty("xuke.sms.passwordFile");
        return file == null || file.isBlank() ? "" : Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
    }

    public static boolean enabled() {
        String url = System.getProperty(URL);
        return url != null && !url.isBlank();
    }

    /** Sends one delivery; throws when the provider did not accept it. */
    void send(Delivery delivery) throws IOException {
        if (!enabled()) {
            throw new IOException("SMS is off on this server (" + URL + " not set)");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("account", System.getProperty("xuke.sms.account", ""));
        form.put("password", password());
        form.put("mobile", delivery.getAddress());
        form.put("content", delivery.getSubject() + delivery.getBody());
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(System.getProperty(URL).strip()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        String accepted = System.getProperty("xuke.sms.acceptedPattern");
        Pattern pattern = accepted == null || accepted.isBlank() ? DEFAULT_ACCEPTED : Pattern.compile(accepted);
        if (response.statusCode() != 200 || !pattern.matcher(response.body()).find()) {
            String said = response.body().length() > 200 ? response.body().substring(0, 200) : response.body();
            throw new IOException("SMS provider answered " + response.statusCode() + ": " + said);
        }
    }
}
