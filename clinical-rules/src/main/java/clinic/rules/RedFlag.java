package clinic.rules;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The five red flags of the sciatica guide (section "red flag symptoms"), the one vocabulary every service, page and
 * API uses: the code, the words a patient reads, the words a clinician reads, and how urgent each is.
 *
 * <p>The words are in {@code clinic/rules/texts*.properties}, one file per language ({@link Texts}).
 *
 * <p>Only the first three point to cauda equina syndrome (emergency care now); constant severe pain and the systemic
 * signs need a doctor the same day. Never call every red flag cauda equina.
 */
public enum RedFlag {
    BLADDER_BOWEL(Urgency.EMERGENCY_NOW),
    SADDLE_NUMBNESS(Urgency.EMERGENCY_NOW),
    PROGRESSIVE_WEAKNESS(Urgency.EMERGENCY_NOW),
    CONSTANT_SEVERE_PAIN(Urgency.SAME_DAY),
    SYSTEMIC(Urgency.SAME_DAY);

    /** A code used by the first release for constant severe pain as an "other" sign; read as this red flag. */
    public static final String LEGACY_POSITION_INDEPENDENT_PAIN = "POSITION_INDEPENDENT_PAIN";

    private final Urgency urgency;

    RedFlag(Urgency urgency) {
        this.urgency = urgency;
    }

    /** A short name for lists and tick boxes, the same for patients and staff (English). */
    public String label() {
        return label(Locale.ENGLISH);
    }

    /** A short name for lists and tick boxes, in a language ({@link Texts}). */
    public String label(Locale locale) {
        return Texts.get("redflag." + name() + ".label", locale);
    }

    /** The symptom described as a patient would recognise it (English). */
    public String patientWords() {
        return patientWords(Locale.ENGLISH);
    }

    /** The symptom described as a patient would recognise it, in a language. */
    public String patientWords(Locale locale) {
        return Texts.get("redflag." + name() + ".patient", locale);
    }

    /** The finding as a clinician records it, with what it may mean (English). */
    public String clinicalWords() {
        return clinicalWords(Locale.ENGLISH);
    }

    /** The finding as a clinician records it, in a language. */
    public String clinicalWords(Locale locale) {
        return Texts.get("redflag." + name() + ".clinical", locale);
    }

    public Urgency urgency() {
        return urgency;
    }

    /** The five flags in the guide's order. */
    public static List<RedFlag> all() {
        return List.of(values());
    }

    /** A code, upper or lower case, including the legacy {@value #LEGACY_POSITION_INDEPENDENT_PAIN}. */
    public static Optional<RedFlag> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String upper = code.strip().toUpperCase(Locale.ROOT);
        if (upper.equals(LEGACY_POSITION_INDEPENDENT_PAIN)) {
            return Optional.of(CONSTANT_SEVERE_PAIN);
        }
        return Arrays.stream(values()).filter(f -> f.name().equals(upper)).findFirst();
    }

    /** The most urgent level among the flags, or empty when there are none. */
    public static Optional<Urgency> mostUrgent(Collection<RedFlag> flags) {
        if (flags == null || flags.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                flags.stream().anyMatch(f -> f.urgency == Urgency.EMERGENCY_NOW)
                        ? Urgency.EMERGENCY_NOW
                        : Urgency.SAME_DAY);
    }

    /** A defensive copy that tolerates null. */
    public static Set<RedFlag> setOf(Collection<RedFlag> flags) {
        return flags == null || flags.isEmpty() ? EnumSet.noneOf(RedFlag.class) : EnumSet.copyOf(flags);
    }
}
