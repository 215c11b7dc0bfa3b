package clinic.rules;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a patient is told about red flags, in plain words: one piece of advice for the flags they have (the most
 * urgent wins, so a patient never reads two emergency texts in a row), and what staff are told to do.
 *
 * @param urgency how soon to get help
 * @param headline one line, the action
 * @param text what to do, in plain words
 * @param symptoms the patient's words for each flag reported, in the vocabulary's order
 */
public record RedFlagAdvice(Urgency urgency, String headline, String text, List<String> symptoms) {

    /** The advice for the flags reported, in English, or null for none. */
    public static RedFlagAdvice forFlags(Collection<RedFlag> reported) {
        return forFlags(reported, Locale.ENGLISH);
    }

    /** The advice for the flags reported, in a language ({@link Texts}), or null for none. */
    public static RedFlagAdvice forFlags(Collection<RedFlag> reported, Locale locale) {
        Set<RedFlag> flags = RedFlag.setOf(reported);
        return RedFlag.mostUrgent(flags)
                .map(urgency -> new RedFlagAdvice(
                        urgency,
                        Texts.get("advice." + urgency.name() + ".headline", locale),
                        Texts.get("advice." + urgency.name() + ".text", locale),
                        flags.stream().map(f -> f.patientWords(locale)).toList()))
                .orElse(null);
    }

    /** What the care physio is asked to do, for an alert: contact now, or today (English, as staff read it). */
    public static String staffAction(Collection<RedFlag> reported) {
        return staffAction(reported, Locale.ENGLISH);
    }

    /** What the care physio is asked to do, in a language. */
    public static String staffAction(Collection<RedFlag> reported, Locale locale) {
        return RedFlag.mostUrgent(reported)
                .map(u -> Texts.get("staff." + u.name(), locale))
                .orElse("");
    }

    /** The clinical words of each flag, joined for a staff message. */
    public static String clinicalList(Collection<RedFlag> reported) {
        return String.join(
                "; ",
                RedFlag.setOf(reported).stream().map(RedFlag::clinicalWords).toList());
    }
}
