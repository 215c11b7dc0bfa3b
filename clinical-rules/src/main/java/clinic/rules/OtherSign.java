package clinic.rules;

import java.util.Locale;
import java.util.Optional;

/**
 * Signs that point to something other than sciatica (the guide's right column), without constant severe pain, which
 * is a {@link RedFlag} only: the first release had it here too as {@code POSITION_INDEPENDENT_PAIN}, and that copy
 * could end in a clear screening.
 */
public enum OtherSign {
    LOCAL_BACK_OR_HIP_ONLY,
    ANTERIOR_THIGH_GROIN;

    /** The sign in words (English). */
    public String label() {
        return label(Locale.ENGLISH);
    }

    /** The sign in words, in a language ({@link Texts}). */
    public String label(Locale locale) {
        return Texts.get("other." + name(), locale);
    }

    /** A code, or empty for an unknown one and for the legacy constant-pain code (a red flag now). */
    public static Optional<OtherSign> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String upper = code.strip().toUpperCase(Locale.ROOT);
        for (OtherSign s : values()) {
            if (s.name().equals(upper)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
