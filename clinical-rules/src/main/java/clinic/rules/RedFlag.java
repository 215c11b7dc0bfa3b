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
 * <p>Only the first three point to cauda equina syndrome (emergency care now); constant severe pain and the systemic
 * signs need a doctor the same day. Never call every red flag cauda equina.
 */
public enum RedFlag {
    BLADDER_BOWEL(
            "Loss of bladder or bowel control",
            "You cannot control your bladder or bowels, or cannot pass urine",
            "New bladder or bowel dysfunction (retention or incontinence): possible cauda equina syndrome",
            Urgency.EMERGENCY_NOW),
    SADDLE_NUMBNESS(
            "Numbness in the saddle area",
            "Numbness between your legs, around your bottom or genitals (where you would sit on a saddle)",
            "Saddle anaesthesia: possible cauda equina syndrome",
            Urgency.EMERGENCY_NOW),
    PROGRESSIVE_WEAKNESS(
            "Severe or quickly worsening leg weakness",
            "Weakness in your legs or feet that is severe or getting worse quickly, especially in both legs",
            "Severe or rapidly progressive lower-limb weakness, especially bilateral: possible cauda equina syndrome",
            Urgency.EMERGENCY_NOW),
    CONSTANT_SEVERE_PAIN(
            "Constant severe pain in every position",
            "Severe pain all the time that no position or rest eases",
            "Constant severe pain unrelieved by any position (non-mechanical pain): needs medical assessment today",
            Urgency.SAME_DAY),
    SYSTEMIC(
            "Fever, weight loss or cancer history with new sciatica",
            "A fever, weight loss you cannot explain, or a past cancer, together with this new leg pain",
            "Fever, unexplained weight loss or history of cancer with new sciatica: exclude infection or malignancy"
                    + " today",
            Urgency.SAME_DAY);

    /** A code used by the first release for constant severe pain as an "other" sign; read as this red flag. */
    public static final String LEGACY_POSITION_INDEPENDENT_PAIN = "POSITION_INDEPENDENT_PAIN";

    private final String label;
    private final String patientWords;
    private final String clinicalWords;
    private final Urgency urgency;

    RedFlag(String label, String patientWords, String clinicalWords, Urgency urgency) {
        this.label = label;
        this.patientWords = patientWords;
        this.clinicalWords = clinicalWords;
        this.urgency = urgency;
    }

    /** A short name for lists and tick boxes, the same for patients and staff. */
    public String label() {
        return label;
    }

    /** The symptom described as a patient would recognise it. */
    public String patientWords() {
        return patientWords;
    }

    /** The finding as a clinician records it, with what it may mean. */
    public String clinicalWords() {
        return clinicalWords;
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
