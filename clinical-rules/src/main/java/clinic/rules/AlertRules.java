package clinic.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The pain rules applied to every session log, and the inactivity rule (docs/clinical-rules.md, "Alerts"). Each rule
 * raises one alert type for the care physio, written in staff words; the patient's words are {@link PatientGuidance}.
 */
public final class AlertRules {

    /**
     * The thresholds, tunable per clinic; {@link #DEFAULTS} are the documented figures.
     *
     * @param severePainAfter pain after a session at or above this raises SEVERE_PAIN (NPRS 7 = severe)
     * @param painRisePoints a rise of this many points over the baseline raises PAIN_INCREASE (the 2-point MCID)
     * @param baselineLogs the baseline is the mean pain-before of this many first logs
     * @param lastingPainSessions this many sessions with pain lasting hours afterwards ...
     * @param lastingPainWindowDays ... within this many days raise PAIN_PERSISTED (the guide: a step back)
     * @param inactiveDays this many days without a log raise NO_RECENT_LOG
     */
    public record Thresholds(
            int severePainAfter,
            int painRisePoints,
            int baselineLogs,
            int lastingPainSessions,
            int lastingPainWindowDays,
            int inactiveDays) {

        public static final Thresholds DEFAULTS = new Thresholds(7, 2, 3, 2, 7, 3);
    }

    /** How quickly staff should act, most severe first; {@link #rank()} orders a physio's list (0 first). */
    public enum Severity {
        URGENT,
        HIGH,
        MEDIUM,
        LOW;

        public int rank() {
            return ordinal();
        }
    }

    /** The alert types, each raised by one rule. */
    public enum Type {
        RED_FLAG(Severity.URGENT),
        NERVE_PAIN(Severity.HIGH),
        PAIN_PERSISTED(Severity.HIGH),
        SEVERE_PAIN(Severity.HIGH),
        DISABLING_SYMPTOMS(Severity.HIGH),
        PAIN_INCREASE(Severity.MEDIUM),
        NO_RECENT_LOG(Severity.LOW);

        private final Severity severity;

        Type(Severity severity) {
            this.severity = severity;
        }

        public Severity severity() {
            return severity;
        }
    }

    /** One alert to raise; {@code exercise} is the slug a NERVE_PAIN alert is about, else null. */
    public record Raised(Type type, String message, String exercise) {
        public Severity severity() {
            return type.severity();
        }
    }

    /** An exercise with nerve pain during it, by slug and name. */
    public record NervePain(String exercise, String name) {}

    /**
     * What the rules need to know about a freshly stored log.
     *
     * @param lastingInWindow sessions with lasting pain in the window ending on this log's date, this one included
     * @param baseline mean pain-before of the program's first logs before this one, or null if none
     * @param disabling the patient said the pain stops them sleeping or working
     */
    public record LogFacts(
            LocalDate date,
            int painBefore,
            int painAfter,
            Set<RedFlag> redFlags,
            List<NervePain> nervePain,
            boolean painLastedHoursAfter,
            long lastingInWindow,
            Double baseline,
            boolean disabling) {}

    private final Thresholds thresholds;

    public AlertRules(Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    /** The alerts a log raises, most urgent first. */
    public List<Raised> evaluate(LogFacts log) {
        List<Raised> raised = new ArrayList<>();
        if (log.redFlags() != null && !log.redFlags().isEmpty()) {
            raised.add(new Raised(
                    Type.RED_FLAG,
                    "Red flag reported in the session log of " + log.date() + ": "
                            + RedFlagAdvice.clinicalList(log.redFlags())
                            + ". The program is on hold. " + RedFlagAdvice.staffAction(log.redFlags()),
                    null));
        }
        if (log.nervePain() != null) {
            for (NervePain n : log.nervePain()) {
                raised.add(new Raised(
                        Type.NERVE_PAIN,
                        "Nerve pain during '" + n.name() + "' on " + log.date()
                                + ". The exercise is marked for review.",
                        n.exercise()));
            }
        }
        if (log.painLastedHoursAfter() && painPersisted(log.lastingInWindow())) {
            raised.add(new Raised(
                    Type.PAIN_PERSISTED,
                    "Pain stayed raised for hours after " + log.lastingInWindow() + " sessions in "
                            + thresholds.lastingPainWindowDays()
                            + " days. Suggestion: step back a phase or ease the dosage.",
                    null));
        }
        if (severePain(log.painAfter())) {
            raised.add(new Raised(
                    Type.SEVERE_PAIN,
                    "Pain after the session was " + log.painAfter() + "/10 on " + log.date() + ".",
                    null));
        }
        if (log.disabling()) {
            raised.add(new Raised(
                    Type.DISABLING_SYMPTOMS,
                    "The patient reported on " + log.date()
                            + " that the pain stops them sleeping or working: consider referral.",
                    null));
        }
        if (log.baseline() != null && painRise(log.baseline(), log.painBefore(), log.painAfter())) {
            int worst = Math.max(log.painBefore(), log.painAfter());
            raised.add(new Raised(
                    Type.PAIN_INCREASE,
                    String.format(
                            Locale.ROOT,
                            "Pain %d/10 is %.1f points above the baseline of %.1f.",
                            worst,
                            worst - log.baseline(),
                            log.baseline()),
                    null));
        }
        return raised;
    }

    /**
     * The RED_FLAG alert for red flags found at a screening (the session-log one comes from {@link #evaluate}): the
     * care physio may not be the physio who screened.
     */
    public Raised screeningRedFlag(long screeningId, Set<RedFlag> flags) {
        return new Raised(
                Type.RED_FLAG,
                "Red flag found at screening " + screeningId + ": " + RedFlagAdvice.clinicalList(flags)
                        + ". The program is on hold. " + RedFlagAdvice.staffAction(flags),
                null);
    }

    /** Pain after a session at or above the severe threshold. */
    public boolean severePain(int painAfter) {
        return painAfter >= thresholds.severePainAfter();
    }

    /** The worse of pain before and after is the rise threshold or more above the baseline. */
    public boolean painRise(double baseline, int painBefore, int painAfter) {
        return Math.max(painBefore, painAfter) - baseline >= thresholds.painRisePoints();
    }

    /** Enough sessions with lasting pain in the window for PAIN_PERSISTED. */
    public boolean painPersisted(long lastingInWindow) {
        return lastingInWindow >= thresholds.lastingPainSessions();
    }

    /** The first day of the inactivity window that ends on {@code today}. */
    public LocalDate inactiveSince(LocalDate today) {
        return today.minusDays(thresholds.inactiveDays() - 1L);
    }

    /** The NO_RECENT_LOG message. */
    public String inactivityMessage(LocalDate today) {
        return "No session logged for " + thresholds.inactiveDays() + " days up to " + today + ".";
    }
}
