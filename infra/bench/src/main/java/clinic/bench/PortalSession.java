package clinic.bench;

import java.net.CookieManager;
import java.net.CookiePolicy;
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
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient browser = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        URI start = URI.create(portal + page);
        HttpResponse<String> response = follow(browser, get(start));
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
                HttpRequest.newBuilder(formUri)
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build());
        if (response.statusCode() != 200 || !response.uri().getPath().equals(page)) {
            throw new IllegalStateException("portal login of " + username + " ended at "
                    + response.uri().getPath() + " with HTTP " + response.statusCode());
        }
        String header = cookies.getCookieStore().get(URI.create(portal)).stream()
                .filter(c -> c.getName().startsWith("q_session"))
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        if (header.isEmpty()) {
            throw new IllegalStateException("the portal set no session cookie for " + username);
        }
        return header;
    }

    /** Sends the request and follows redirects (GET after a POST, as browsers do), at most ten. */
    private static HttpResponse<String> follow(HttpClient browser, HttpRequest request) {
        try {
            HttpResponse<String> response = browser.send(request, HttpResponse.BodyHandlers.ofString());
            for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
                String location = response.headers()
                        .firstValue("Location")
                        .orElseThrow(() -> new IllegalStateException("redirect without Location"));
                response = browser.send(get(response.uri().resolve(location)), HttpResponse.BodyHandlers.ofString());
            }
            return response;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("portal login failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
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
