package clinic.rules;

import java.util.Locale;
import java.util.Optional;

/**
 * Signs that point to something other than sciatica (the guide's right column), without constant severe pain, which
 * is a {@link RedFlag} only: the first release had it here too as {@code POSITION_INDEPENDENT_PAIN}, and that copy
 * could end in a clear screening.
 */
public enum OtherSign {
    LOCAL_BACK_OR_HIP_ONLY("Pain only in the low back, or only in the hip or groin"),
    ANTERIOR_THIGH_GROIN("Pain mainly in the front of the thigh or the groin");

    private final String label;

    OtherSign(String label) {
        this.label = label;
    }

    public String label() {
        return label;
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
