package clinic.portal.common;

import clinic.rules.OtherSign;
import clinic.rules.RedFlag;
import clinic.rules.SciaticaSign;
import clinic.rules.ScreeningOutcome;
import io.quarkus.qute.TemplateExtension;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * View logic the templates call, kept here so templates stay markup. Codes are rendered with {@code {label:of(code)}}
 * (a namespace function, so a missing code renders empty instead of failing the page). Red flags and screening signs
 * are worded by {@code clinic.rules} only: staff pages add {@code {label:clinical(code)}}, patient pages
 * {@code {label:patient(code)}}. The legacy code {@value RedFlag#LEGACY_POSITION_INDEPENDENT_PAIN} reads as the red
 * flag of constant severe pain.
 */
@TemplateExtension(namespace = "label")
public class TemplateExtensions {

    /**
     * The screening outcomes of {@code clinic.rules} in a physio's words. An outcome added there and not worded here is
     * still shown, as its code in words.
     */
    private static final Map<ScreeningOutcome, String> OUTCOMES = new EnumMap<>(Map.of(
            ScreeningOutcome.CLEAR, "Clear: an exercise program may start",
            ScreeningOutcome.REFER_FOR_ASSESSMENT, "Refer for assessment: a program needs your explicit override",
            ScreeningOutcome.URGENT_REFERRAL, "Urgent referral: emergency, no program"));

    /** The services' own codes (patient, account, program status; progress actions). */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("ACTIVE", "Active"),
            Map.entry("ON_HOLD", "On hold"),
            Map.entry("DISCHARGED", "Discharged"),
            Map.entry("PENDING", "Invitation pending"),
            Map.entry("INVITED", "Invited by e-mail: the patient has not set a password yet"),
            Map.entry("NONE", "No account"),
            Map.entry("ADVANCE", "Move up a phase"),
            Map.entry("HOLD", "Stay in this phase"),
            Map.entry("STEP_BACK", "Step back a phase"),
            Map.entry("CONSIDER_REFERRAL", "Consider referral (physio review, GP, orthopaedics or neurology)"),
            Map.entry("NOT_ENOUGH_DATA", "Not enough data to judge: ask the patient to log their sessions"));

    /** A code from the API (red flag, sign, outcome, status) in words; unknown codes are shown as they are. */
    public static String of(String code) {
        if (code == null) {
            return "";
        }
        Optional<RedFlag> flag = RedFlag.fromCode(code);
        if (flag.isPresent()) {
            return flag.get().label();
        }
        Optional<String> sign = Arrays.stream(SciaticaSign.values())
                .filter(s -> s.name().equals(code))
                .map(SciaticaSign::label)
                .findFirst()
                .or(() -> OtherSign.fromCode(code).map(OtherSign::label));
        return sign.or(() -> outcome(code).map(OUTCOMES::get))
                .orElseGet(
                        () -> LABELS.getOrDefault(code, code.replace('_', ' ').toLowerCase()));
    }

    /** A screening outcome code of {@code clinic.rules}, or empty for any other code. */
    public static Optional<ScreeningOutcome> outcome(String code) {
        return Arrays.stream(ScreeningOutcome.values())
                .filter(o -> o.name().equals(code))
                .findFirst();
    }

    /** A red flag as a clinician records it (staff pages); any other code as {@link #of}. */
    public static String clinical(String code) {
        return RedFlag.fromCode(code).map(RedFlag::clinicalWords).orElseGet(() -> of(code));
    }

    /** A red flag as a patient would recognise it (patient pages); any other code as {@link #of}. */
    public static String patient(String code) {
        return RedFlag.fromCode(code).map(RedFlag::patientWords).orElseGet(() -> of(code));
    }

    /** EMERGENCY_NOW or SAME_DAY for a red-flag code, else empty. */
    public static String urgency(String code) {
        return RedFlag.fromCode(code).map(f -> f.urgency().name()).orElse("");
    }

    /** Where a program hold came from, in words. */
    public static String holdSource(String source) {
        if ("SESSION_LOG".equals(source)) {
            return "session log";
        }
        if ("SCREENING".equals(source)) {
            return "screening";
        }
        return source == null ? "" : source.replace('_', ' ').toLowerCase();
    }

    /** CSS class for an outcome banner. */
    public static String css(String outcome) {
        ScreeningOutcome known = outcome(outcome).orElse(null);
        if (known == ScreeningOutcome.URGENT_REFERRAL) {
            return "danger";
        }
        return known == ScreeningOutcome.CLEAR ? "ok" : "warn";
    }

    /** CSS class for a program status badge: on hold stands out. */
    public static String statusCss(String status) {
        if ("ON_HOLD".equals(status)) {
            return "danger";
        }
        return "ACTIVE".equals(status) ? "ok" : "warn";
    }
}
