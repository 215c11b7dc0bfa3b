package clinic.rules;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words of {@code clinic.rules} in each language the clinic speaks: {@code clinic/rules/texts.properties}
 * (English, the source) and one complete copy per other language ({@code texts_es.properties}). A language without a
 * copy, or a key missing from one, reads English, never the JVM's default language.
 */
public final class Texts {

    /** Every language the clinical texts are written in, English (the source) first. */
    public static final List<String> LANGUAGES = List.of("en", "es");

    static final String BUNDLE = "clinic.rules.texts";

    private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Texts() {}

    /** The language tag these texts are written in for a locale: {@code es} for any Spanish, else {@code en}. */
    public static String language(Locale locale) {
        String tag = locale == null ? "en" : locale.getLanguage();
        return LANGUAGES.contains(tag) ? tag : "en";
    }

    /** The text for a key in a language (null locale: English). */
    public static String get(String key, Locale locale) {
        Locale wanted = Locale.forLanguageTag(language(locale));
        try {
            return ResourceBundle.getBundle(BUNDLE, wanted, Texts.class.getClassLoader(), NO_DEFAULT_LOCALE)
                    .getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("clinical text missing: " + key, e);
        }
    }

    /** The text with {@code {0}} replaced by a value (no other formatting, so apostrophes stay as written). */
    public static String format(String key, Locale locale, String value) {
        return get(key, locale).replace("{0}", value == null ? "" : value);
    }

    static ResourceBundle bundle(String language) {
        return ResourceBundle.getBundle(
                BUNDLE, Locale.forLanguageTag(language), Texts.class.getClassLoader(), NO_DEFAULT_LOCALE);
    }
}
