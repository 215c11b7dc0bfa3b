package clinic.portal.common;

import clinic.portal.i18n.Content;
import clinic.portal.i18n.Languages;
import clinic.rules.OtherSign;
import clinic.rules.RedFlag;
import clinic.rules.SciaticaSign;
import clinic.rules.ScreeningOutcome;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * View logic the templates call, kept here so templates stay markup. Codes are rendered with {@code {label:of(code)}}
 * (a namespace function, so a missing code renders empty instead of failing the page). Red flags and screening signs
 * are worded by {@code clinic.rules} only: staff pages add {@code {label:clinical(code)}}, patient pages
 * {@code {label:patient(code)}}. The legacy code {@value RedFlag#LEGACY_POSITION_INDEPENDENT_PAIN} reads as the red
 * flag of constant severe pain. Every text follows the language of the page ({@code clinic.rules} for the clinical
 * words, bundle {@code content} for the rest).
 */
@TemplateExtension(namespace = "label")
public class TemplateExtensions {

    /** The services' own codes worded in bundle {@code content} (patient, account, program status; actions). */
    private static final Map<String, Function<Content, String>> LABELS = Map.ofEntries(
            Map.entry("CLEAR", Content::outcome_clear),
            Map.entry("REFER_FOR_ASSESSMENT", Content::outcome_refer_for_assessment),
            Map.entry("URGENT_REFERRAL", Content::outcome_urgent_referral),
            Map.entry("ACTIVE", Content::status_active),
            Map.entry("ON_HOLD", Content::status_on_hold),
            Map.entry("DISCHARGED", Content::status_discharged),
            Map.entry("PENDING", Content::status_pending),
            Map.entry("INVITED", Content::status_invited),
            Map.entry("NONE", Content::status_none),
            Map.entry("ADVANCE", Content::action_advance),
            Map.entry("HOLD", Content::action_hold),
            Map.entry("STEP_BACK", Content::action_step_back),
            Map.entry("CONSIDER_REFERRAL", Content::action_consider_referral),
            Map.entry("NOT_ENOUGH_DATA", Content::action_not_enough_data));

    /**
     * The language of the page being rendered: the template instance's {@code locale} attribute, which
     * {@code LanguageFilter} sets from the request; English when there is none (a render outside a request).
     */
    static Locale locale(Object attribute) {
        return attribute instanceof Locale l && Languages.isSupported(l.getLanguage())
                ? Locale.forLanguageTag(l.getLanguage())
                : Locale.forLanguageTag(Languages.DEFAULT);
    }

    static Content content(Locale locale) {
        return MessageBundles.get(Content.class, Localized.Literal.of(locale.getLanguage()));
    }

    /** A code from the API (red flag, sign, outcome, status) in words; unknown codes are shown as they are. */
    public static String of(String code, @TemplateAttribute("locale") Object locale) {
        if (code == null) {
            return "";
        }
        Locale in = locale(locale);
        Optional<RedFlag> flag = RedFlag.fromCode(code);
        if (flag.isPresent()) {
            return flag.get().label(in);
        }
        Optional<String> sign = Arrays.stream(SciaticaSign.values())
                .filter(s -> s.name().equals(code))
                .map(s -> s.label(in))
                .findFirst()
                .or(() -> OtherSign.fromCode(code).map(s -> s.label(in)));
        return sign.orElseGet(() -> {
            Function<Content, String> words = LABELS.get(code);
            return words != null
                    ? words.apply(content(in))
                    : code.replace('_', ' ').toLowerCase(Locale.ROOT);
        });
    }

    /** A screening outcome code of {@code clinic.rules}, or empty for any other code. */
    public static Optional<ScreeningOutcome> outcome(String code) {
        return Arrays.stream(ScreeningOutcome.values())
                .filter(o -> o.name().equals(code))
                .findFirst();
    }

    /** A red flag as a clinician records it (staff pages); any other code as {@link #of}. */
    public static String clinical(String code, @TemplateAttribute("locale") Object locale) {
        return RedFlag.fromCode(code).map(f -> f.clinicalWords(locale(locale))).orElseGet(() -> of(code, locale));
    }

    /** A red flag as a patient would recognise it (patient pages); any other code as {@link #of}. */
    public static String patient(String code, @TemplateAttribute("locale") Object locale) {
        return RedFlag.fromCode(code).map(f -> f.patientWords(locale(locale))).orElseGet(() -> of(code, locale));
    }

    /** EMERGENCY_NOW or SAME_DAY for a red-flag code, else empty. */
    public static String urgency(String code) {
        return RedFlag.fromCode(code).map(f -> f.urgency().name()).orElse("");
    }

    /** Where a program hold came from, in words. */
    public static String holdSource(String source, @TemplateAttribute("locale") Object locale) {
        if ("SESSION_LOG".equals(source)) {
            return content(locale(locale)).hold_source_session_log();
        }
        if ("SCREENING".equals(source)) {
            return content(locale(locale)).hold_source_screening();
        }
        return source == null ? "" : source.replace('_', ' ').toLowerCase(Locale.ROOT);
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
