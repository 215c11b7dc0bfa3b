package clinic.portal.common;

import clinic.portal.outbound.ProgramApi.Advice;
import clinic.rules.PatientGuidance;
import clinic.rules.RedFlag;
import clinic.rules.RedFlagAdvice;
import clinic.rules.Urgency;
import io.quarkus.qute.TemplateExtension;
import java.util.List;

/**
 * What patient pages say about pain and red flags, from {@code clinic.rules} only ({@code {guide:painRules}},
 * {@code {guide:emergencyFlags}}, ...): the same words the services use, so a page never has a second list.
 */
@TemplateExtension(namespace = "guide")
public class PatientWords {

    /**
     * The pain rules without the last one, the red-flag rule, which patient pages list flag by flag in patient words
     * with what to do for each urgency.
     */
    public static List<String> painRules() {
        List<String> rules = PatientGuidance.PAIN_RULES;
        return rules.subList(0, rules.size() - 1);
    }

    /** Codes of the flags that need emergency care now (possible cauda equina). */
    public static List<String> emergencyFlags() {
        return codes(Urgency.EMERGENCY_NOW);
    }

    /** Codes of the flags that need a doctor the same day. */
    public static List<String> sameDayFlags() {
        return codes(Urgency.SAME_DAY);
    }

    /** The advice for the emergency flags (headline, what to do). */
    public static Advice emergencyAdvice() {
        return adviceFor(Urgency.EMERGENCY_NOW);
    }

    /** The advice for the same-day flags. */
    public static Advice sameDayAdvice() {
        return adviceFor(Urgency.SAME_DAY);
    }

    /** The advice for the flags ticked, most urgent wins; null for none. */
    public static Advice forCodes(List<String> codes) {
        if (codes == null) {
            return null;
        }
        return Advice.of(RedFlagAdvice.forFlags(codes.stream()
                .map(RedFlag::fromCode)
                .flatMap(java.util.Optional::stream)
                .toList()));
    }

    private static Advice adviceFor(Urgency urgency) {
        return Advice.of(RedFlagAdvice.forFlags(
                RedFlag.all().stream().filter(f -> f.urgency() == urgency).toList()));
    }

    private static List<String> codes(Urgency urgency) {
        return RedFlag.all().stream()
                .filter(f -> f.urgency() == urgency)
                .map(RedFlag::name)
                .toList();
    }
}
