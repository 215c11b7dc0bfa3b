package clinic.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * A real portal session: logged in once through Keycloak's own page in chromium, then its cookies reused by a plain
 * HTTP client that follows no redirects, so each page's own answer is seen. {@link #anonymous()} has no cookies.
 */
final class PortalSession {

    private static final Map<String, PortalSession> SESSIONS = new ConcurrentHashMap<>();
    private static final Pattern CSRF_FIELD =
            Pattern.compile("name=\"csrf-token\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"csrf-token\"");

    final String role;
    /** The browser's view of the session cookies, with their attributes, as the portal set them. */
    final Map<String, Cookie> browserCookies;

    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            // Plain HTTP/1.1 as a browser speaks to the portal: no h2c upgrade, which the server may end with GOAWAY.
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private PortalSession(String role, Map<String, Cookie> browserCookies) {
        this.role = role;
        this.browserCookies = browserCookies;
        browserCookies.forEach((name, cookie) -> cookies.put(name, cookie.getValue()));
    }

    static PortalSession anonymous() {
        return new PortalSession("anonymous", Map.of());
    }

    /** The demo account's session (its password is its user name), logged in once per test JVM. */
    static PortalSession of(String user) {
        return SESSIONS.computeIfAbsent(user, PortalSession::logIn);
    }

    /** A session of its own (a new login), for tests that end it: the shared ones of {@link #of} stay signed in. */
    static PortalSession fresh(String user) {
        return logIn(user);
    }

    /** A session made of cookies a browser held (copied out of it), as someone replaying them would send them. */
    static PortalSession withCookies(String role, Map<String, Cookie> browserCookies) {
        return new PortalSession(role, new LinkedHashMap<>(browserCookies));
    }

    /** An independent copy of this session's cookies as they are now (a copied cookie jar). */
    synchronized PortalSession copy() {
        PortalSession copy = new PortalSession(role, browserCookies);
        copy.cookies.clear();
        copy.cookies.putAll(cookies);
        return copy;
    }

    private static PortalSession logIn(String user) {
        SystemStack stack = SystemStack.get();
        try (Browser browser = new Browser()) {
            browser.driver.get(stack.portal() + "/");
            browser.logIn(user, user);
            browser.waitForUrlStartingWith(stack.portal());
            browser.waitFor(By.tagName("main"));
            Map<String, Cookie> cookies = new LinkedHashMap<>();
            browser.driver.manage().getCookies().forEach(c -> cookies.put(c.getName(), c));
            return new PortalSession(user, cookies);
        }
    }

    /** The same session without one of its cookies (to see the portal set it again). */
    synchronized PortalSession withoutCookie(String name) {
        PortalSession copy = new PortalSession(role, browserCookies);
        copy.cookies.clear();
        copy.cookies.putAll(cookies);
        copy.cookies.remove(name);
        return copy;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /**
     * A form POST with the given fields (URL-encoded as they are), from the portal's own page: like a browser it sends
     * the portal's {@code Origin} (the portal refuses state-changing requests without Origin or Referer).
     */
    HttpResponse<String> post(String path, Map<String, String> form) {
        return post(path, form, Map.of("Origin", SystemStack.get().portal()));
    }

    /** A form POST with exactly these extra headers (no Origin unless given): a forged or foreign request. */
    HttpResponse<String> post(String path, Map<String, String> form, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(form)));
        headers.forEach(request::header);
        return send(request);
    }

    /** The value of one of this session's cookies now, or null. */
    synchronized String cookie(String name) {
        return cookies.get(name);
    }

    /** Sets a cookie as a forger would (an attacker able to plant one in the victim's browser). */
    synchronized void plantCookie(String name, String value) {
        cookies.put(name, value);
    }

    /** The URL-encoded body a browser sends for these fields. */
    static String formBody(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** The CSRF token of a form page (its hidden field); the matching cookie is kept by this session. */
    String csrfToken(String formPage) {
        HttpResponse<String> page = get(formPage);
        Matcher m = CSRF_FIELD.matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("no CSRF field on " + formPage + " (" + page.statusCode() + ")");
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    private synchronized HttpResponse<String> send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = http.send(
                    request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            // Keep what the portal sets (a refreshed session, the CSRF cookie), as a browser would.
            for (String set : response.headers().allValues("set-cookie")) {
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                if (value.isEmpty() || set.toLowerCase().contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return response;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI uri(String path) {
        return URI.create(SystemStack.get().portal() + path);
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
