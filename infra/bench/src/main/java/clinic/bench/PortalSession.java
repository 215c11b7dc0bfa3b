package clinic.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A real portal session, made the way a browser makes one: ask for a page, follow the redirect to Keycloak's login
 * page, post its form to the form's action address, follow the redirects back to the portal (which exchanges the
 * code and sets its encrypted session cookies). What remains is the portal's cookie header, sent with every
 * measured page request.
 */
final class PortalSession {

    private static final Pattern FORM_ACTION =
            Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"", Pattern.DOTALL);
    private static final Pattern ANY_FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"", Pattern.DOTALL);

    private PortalSession() {}

    /** Logs in and answers the portal's session cookies as one {@code Cookie} header value. */
    static String login(String portal, String page, String username, String password) {
        CookieJar cookies = new CookieJar();
        HttpClient browser = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        URI start = URI.create(portal + page);
        HttpResponse<String> response = follow(browser, cookies, get(start));
        Matcher action = FORM_ACTION.matcher(response.body());
        if (!action.find()) {
            action = ANY_FORM_ACTION.matcher(response.body());
            if (!action.find()) {
                throw new IllegalStateException("no Keycloak login form after " + page + " (HTTP "
                        + response.statusCode() + " from " + response.uri().getHost() + ":"
                        + response.uri().getPort() + ")");
            }
        }
        URI formUri = response.uri().resolve(unescape(action.group(1)));
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&credentialId=";
        response = follow(
                browser,
                cookies,
                HttpRequest.newBuilder(formUri)
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build());
        if (response.statusCode() != 200 || !response.uri().getPath().equals(page)) {
            throw new IllegalStateException("portal login of " + username + " ended at "
                    + response.uri().getPath() + " with HTTP " + response.statusCode());
        }
        String header = cookies.header(name -> name.startsWith("q_session"));
        if (header.isEmpty()) {
            throw new IllegalStateException("the portal set no session cookie for " + username);
        }
        return header;
    }

    /** Sends the request and follows redirects (GET after a POST, as browsers do), at most ten. */
    private static HttpResponse<String> follow(HttpClient browser, CookieJar cookies, HttpRequest request) {
        try {
            HttpResponse<String> response = send(browser, cookies, request);
            for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
                String location = response.headers()
                        .firstValue("Location")
                        .orElseThrow(() -> new IllegalStateException("redirect without Location"));
                response = send(browser, cookies, get(response.uri().resolve(location)));
            }
            return response;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("portal login failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static HttpResponse<String> send(HttpClient browser, CookieJar cookies, HttpRequest request)
            throws java.io.IOException, InterruptedException {
        HttpRequest.Builder withCookies = HttpRequest.newBuilder(request, (name, value) -> true);
        String header = cookies.header(name -> true);
        if (!header.isEmpty()) {
            withCookies.header("Cookie", header);
        }
        HttpResponse<String> response = browser.send(withCookies.build(), HttpResponse.BodyHandlers.ofString());
        response.headers().allValues("Set-Cookie").forEach(cookies::take);
        return response;
    }

    /**
     * The cookies of one browser. Portal and Keycloak both run on localhost, where browsers accept {@code Secure}
     * cookies over plain HTTP (Keycloak's login cookies are such); {@code java.net.CookieManager} would drop them,
     * so this jar keeps every cookie by name, ignoring attributes, and forgets one that is expired.
     */
    static final class CookieJar {
        private final java.util.Map<String, String> cookies = new java.util.LinkedHashMap<>();

        synchronized void take(String setCookie) {
            String pair = setCookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                return;
            }
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            String attributes = setCookie.toLowerCase(java.util.Locale.ROOT);
            if (value.isEmpty()
                    || attributes.contains("max-age=0")
                    || attributes.contains("expires=thu, 01 jan 1970")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }

        synchronized String header(java.util.function.Predicate<String> names) {
            return cookies.entrySet().stream()
                    .filter(e -> names.test(e.getKey()))
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; "));
        }
    }

    private static HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build();
    }

    static String unescape(String html) {
        return html.replace("&amp;", "&")
                .replace("&#x3d;", "=")
                .replace("&#61;", "=")
                .replace("&quot;", "\"");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
