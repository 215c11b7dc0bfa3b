package clinic.rules;

import java.util.Collection;
import java.util.List;
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

    static final String EMERGENCY_HEADLINE = "Get emergency medical help now";
    static final String EMERGENCY_TEXT = "Stop exercising. Call the emergency number or go to the nearest emergency"
            + " department now, and tell them about these symptoms. They can be a sign that the nerves at the"
            + " bottom of the spine are being squeezed, which needs treatment without delay. Do not wait to see"
            + " whether it passes.";
    static final String SAME_DAY_HEADLINE = "See a doctor today";
    static final String SAME_DAY_TEXT = "Stop your exercises for now and see a doctor today: call your GP or an"
            + " urgent care service and ask to be seen today. If you also lose control of your bladder or bowels,"
            + " feel numb between your legs, or your legs get weaker, go to an emergency department at once.";

    /** The advice for the flags reported, or null for none. */
    public static RedFlagAdvice forFlags(Collection<RedFlag> reported) {
        Set<RedFlag> flags = RedFlag.setOf(reported);
        return RedFlag.mostUrgent(flags)
                .map(urgency -> new RedFlagAdvice(
                        urgency,
                        urgency == Urgency.EMERGENCY_NOW ? EMERGENCY_HEADLINE : SAME_DAY_HEADLINE,
                        urgency == Urgency.EMERGENCY_NOW ? EMERGENCY_TEXT : SAME_DAY_TEXT,
                        flags.stream().map(RedFlag::patientWords).toList()))
                .orElse(null);
    }

    /** What the care physio is asked to do, for an alert: contact now, or today. */
    public static String staffAction(Collection<RedFlag> reported) {
        return RedFlag.mostUrgent(reported)
                .map(u -> u == Urgency.EMERGENCY_NOW
                        ? "Possible cauda equina syndrome: contact the patient now and make sure they get emergency"
                                + " care."
                        : "Contact the patient today and make sure they get a medical assessment today.")
                .orElse("");
    }

    /** The clinical words of each flag, joined for a staff message. */
    public static String clinicalList(Collection<RedFlag> reported) {
        return String.join(
                "; ",
                RedFlag.setOf(reported).stream().map(RedFlag::clinicalWords).toList());
    }
}
