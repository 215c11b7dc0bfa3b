package clinic.program.library;

import clinic.rules.Texts;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/**
 * The language a caller asked for with {@code Accept-Language}, among those the clinical content is written in
 * ({@link Texts#LANGUAGES}): the first supported one by the header's q-values, else English, the source of every text.
 */
public final class ContentLanguage {

    /** The language every text is written in first, and the fallback. */
    public static final String SOURCE = "en";

    private ContentLanguage() {}

    /** {@code es} for "es-ES,es;q=0.9,en;q=0.5"; {@code en} for none, an unsupported or a malformed header. */
    public static String of(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 500) {
            return SOURCE;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String primary = range.getRange().split("-", 2)[0].toLowerCase(Locale.ROOT);
                if (range.getWeight() > 0 && Texts.LANGUAGES.contains(primary)) {
                    return primary;
                }
            }
        } catch (IllegalArgumentException e) {
            return SOURCE;
        }
        return SOURCE;
    }

    /**
     * The language of the HTTP request being served ({@code Accept-Language}), or English outside a request (a
     * scheduled job): for services deep in a call that word a text for the caller.
     */
    public static String ofCurrentRequest() {
        if (!Arc.container().requestContext().isActive()) {
            return SOURCE;
        }
        RoutingContext rc =
                Arc.container().instance(CurrentVertxRequest.class).get().getCurrent();
        return rc == null ? SOURCE : of(rc.request().getHeader("Accept-Language"));
    }

    /** The locale {@code clinic.rules} words its texts in. */
    public static Locale locale(String language) {
        return Locale.forLanguageTag(language);
    }
}
