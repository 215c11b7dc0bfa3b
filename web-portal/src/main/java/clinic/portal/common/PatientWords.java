package clinic.portal.common;

import clinic.portal.i18n.Lang;
import clinic.portal.outbound.ProgramApi.Advice;
import clinic.rules.PatientGuidance;
import clinic.rules.RedFlag;
import clinic.rules.RedFlagAdvice;
import clinic.rules.Urgency;
import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import java.util.List;
import java.util.Locale;

/**
 * What patient pages say about pain and red flags, from {@code clinic.rules} only ({@code {guide:painRules}},
 * {@code {guide:emergencyFlags}}, ...): the same words the services use, so a page never has a second list, in the
 * language of the page being rendered.
 */
@TemplateExtension(namespace = "guide")
public class PatientWords {

    /**
     * The pain rules without the last one, the red-flag rule, which patient pages list flag by flag in patient words
     * with what to do for each urgency.
     */
    public static List<String> painRules(@TemplateAttribute("locale") Object locale) {
        List<String> rules = PatientGuidance.painRules(TemplateExtensions.locale(locale));
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
    public static Advice emergencyAdvice(@TemplateAttribute("locale") Object locale) {
        return adviceFor(Urgency.EMERGENCY_NOW, TemplateExtensions.locale(locale));
    }

    /** The advice for the same-day flags. */
    public static Advice sameDayAdvice(@TemplateAttribute("locale") Object locale) {
        return adviceFor(Urgency.SAME_DAY, TemplateExtensions.locale(locale));
    }

    /**
     * The advice for the flags ticked, most urgent wins, in the request's language (for Java callers: a page that
     * words the advice itself when the service did not send it); null for none.
     */
    public static Advice forCodes(List<String> codes) {
        Locale locale = Arc.container().requestContext().isActive()
                ? Arc.container().instance(Lang.class).get().getLocale()
                : null;
        if (codes == null) {
            return null;
        }
        return Advice.of(RedFlagAdvice.forFlags(
                codes.stream()
                        .map(RedFlag::fromCode)
                        .flatMap(java.util.Optional::stream)
                        .toList(),
                TemplateExtensions.locale(locale)));
    }

    private static Advice adviceFor(Urgency urgency, Locale locale) {
        return Advice.of(RedFlagAdvice.forFlags(
                RedFlag.all().stream().filter(f -> f.urgency() == urgency).toList(), locale));
    }

    private static List<String> codes(Urgency urgency) {
        return RedFlag.all().stream()
                .filter(f -> f.urgency() == urgency)
                .map(RedFlag::name)
                .toList();
    }
}
