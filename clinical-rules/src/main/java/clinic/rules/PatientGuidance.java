package clinic.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a patient reads: the pain rules shown with every routine, what to do after logging a session, and the advice
 * while a program is on hold. Plain words only; staff texts never reach a patient.
 */
public final class PatientGuidance {

    private PatientGuidance() {}

    /** The pain rules in English, shown with every routine. */
    public static final List<String> PAIN_RULES = painRules(Locale.ENGLISH);

    /**
     * The pain rules in a language ({@link Texts}): the last one names every red flag by its label, lower case.
     */
    public static List<String> painRules(Locale locale) {
        String flags = String.join(
                "; ",
                RedFlag.all().stream()
                        .map(f -> f.label(locale).toLowerCase(Locale.forLanguageTag(Texts.language(locale))))
                        .toList());
        return List.of(
                Texts.get("pain.fine", locale),
                Texts.get("pain.nerve", locale),
                Texts.get("pain.lasting", locale),
                Texts.format("pain.red_flags", locale, flags));
    }

    /** What the patient said in a log that the guidance answers. */
    public record Logged(
            boolean redFlag,
            List<String> nervePainExercises,
            boolean painPersisted,
            boolean severePain,
            boolean disabling,
            boolean everythingAggravates) {}

    /** What to do now, in English, after a log without a red flag. */
    public static List<String> afterLog(Logged log) {
        return afterLog(log, Locale.ENGLISH);
    }

    /**
     * What to do now, in a language, after a log without a red flag (a red flag gets {@link RedFlagAdvice} instead,
     * alone).
     */
    public static List<String> afterLog(Logged log, Locale locale) {
        List<String> advice = new ArrayList<>();
        for (String name : log.nervePainExercises()) {
            advice.add(Texts.format("after.nerve_pain", locale, name));
        }
        if (log.everythingAggravates()) {
            advice.add(Texts.get("after.everything_aggravates", locale));
        } else if (log.painPersisted()) {
            advice.add(Texts.get("after.pain_persisted", locale));
        }
        if (log.severePain()) {
            advice.add(Texts.get("after.severe_pain", locale));
        }
        if (log.disabling()) {
            advice.add(Texts.get("after.disabling", locale));
        }
        if (advice.isEmpty()) {
            advice.add(Texts.get("after.saved", locale));
        }
        return advice;
    }

    /** The patient's routine while the program is on hold for a red flag (English). */
    public static String onHold() {
        return onHold(Locale.ENGLISH);
    }

    /** The patient's routine while the program is on hold for a red flag, in a language. */
    public static String onHold(Locale locale) {
        return Texts.get("on_hold", locale);
    }
}
