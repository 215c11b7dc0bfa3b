package clinic.portal.i18n;

import java.util.List;
import java.util.Locale;

/**
 * The languages the portal is written in. English is the default and the source of every text; each other language
 * has a complete file per message bundle ({@code messages/<bundle>_<tag>.properties}, checked by a test).
 */
public final class Languages {

    /** The language a text falls back to and the one every bundle interface is written in. */
    public static final String DEFAULT = "en";

    /** Every supported language tag, the default first. */
    public static final List<String> SUPPORTED = List.of("en", "es");

    /** The cookie that holds the language a visitor chose with the switcher (or on their preferences page). */
    public static final String COOKIE = "lang";

    private Languages() {}

    public static boolean isSupported(String tag) {
        return tag != null && SUPPORTED.contains(tag);
    }

    /**
     * The first supported language of an {@code Accept-Language} header, by its q-values; null when none is
     * supported or the header is absent or malformed.
     */
    public static String fromAcceptLanguage(String header) {
        if (header == null || header.isBlank() || header.length() > 500) {
            return null;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                if (range.getWeight() <= 0) {
                    continue;
                }
                String range0 = range.getRange();
                String primary = range0.split("-", 2)[0].toLowerCase(Locale.ROOT);
                if (isSupported(primary)) {
                    return primary;
                }
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    /** The language for a request: the chosen cookie, else the browser's languages, else English. */
    public static String resolve(String cookie, String acceptLanguage) {
        if (isSupported(cookie)) {
            return cookie;
        }
        String browser = fromAcceptLanguage(acceptLanguage);
        return browser != null ? browser : DEFAULT;
    }

    /** The language's own name for itself, as a switcher shows it. */
    public static String nativeName(String tag) {
        return switch (tag) {
            case "es" -> "Español";
            default -> "English";
        };
    }
}
