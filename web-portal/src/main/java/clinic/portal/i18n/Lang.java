package clinic.portal.i18n;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;

/**
 * The language of the current request, for templates ({@code inject:lang}) and for Java code that words a message
 * ({@link #bundle}). Resolved once per request by {@link Languages#resolve}: the {@code lang} cookie, else the
 * browser's {@code Accept-Language}, else English.
 */
@RequestScoped
@Named("lang")
public class Lang {

    private final String tag;
    private final String here;

    @jakarta.inject.Inject
    public Lang(CurrentVertxRequest request) {
        RoutingContext rc = request.getCurrent();
        String cookie = null;
        String accept = null;
        String page = "/";
        if (rc != null) {
            // The switcher returns to this page: a GET's own address; after a form post, the start page.
            if (rc.request().method() == io.vertx.core.http.HttpMethod.GET) {
                page = rc.request().uri();
            }
            Cookie c = rc.request().getCookie(Languages.COOKIE);
            cookie = c == null ? null : c.getValue();
            accept = rc.request().getHeader("Accept-Language");
        }
        this.tag = Languages.resolve(cookie, accept);
        this.here = java.net.URLEncoder.encode(LanguagePages.safeBack(page), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** For tests and for callers outside a request. */
    Lang(String tag) {
        this.tag = Languages.isSupported(tag) ? tag : Languages.DEFAULT;
        this.here = "%2F";
    }

    /** This page's address, URL-encoded, for the switcher's {@code back} parameter. */
    public String getHere() {
        return here;
    }

    /** The language tag, e.g. {@code en}: for {@code <html lang>} and the services' {@code Accept-Language}. */
    public String getTag() {
        return tag;
    }

    public Locale getLocale() {
        return Locale.forLanguageTag(tag);
    }

    /** The other languages, for the switcher. */
    public List<String> getOthers() {
        return Languages.SUPPORTED.stream().filter(t -> !t.equals(tag)).toList();
    }

    /** A language's own name ({@code inject:lang.name('es')} → Español). */
    public String name(String tag) {
        return Languages.nativeName(tag);
    }

    /** A message bundle in this request's language, for text worded in Java (form errors, notices). */
    public <T> T bundle(Class<T> bundle) {
        return io.quarkus.qute.i18n.MessageBundles.get(bundle, io.quarkus.qute.i18n.Localized.Literal.of(tag));
    }
}
