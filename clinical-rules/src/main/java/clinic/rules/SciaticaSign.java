package clinic.rules;

import java.util.Locale;

/** The classic picture of sciatica (the guide's left column). */
public enum SciaticaSign {
    RADIATING_BELOW_BUTTOCK,
    PARAESTHESIA,
    WORSE_SITTING_COUGHING,
    MYOTOMAL_WEAKNESS;

    /** The sign in words (English). */
    public String label() {
        return label(Locale.ENGLISH);
    }

    /** The sign in words, in a language ({@link Texts}). */
    public String label(Locale locale) {
        return Texts.get("sign." + name(), locale);
    }
}
