package clinic.program.alert;

import clinic.rules.AlertRules;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The alert thresholds a clinic may tune ({@code clinic.alerts.*}). The defaults are {@link
 * AlertRules.Thresholds#DEFAULTS}, the documented figures; a test checks they stay equal.
 */
@ConfigMapping(prefix = "clinic.alerts")
public interface AlertConfig {

    /** Pain after a session at or above this raises SEVERE_PAIN. */
    @WithDefault("7")
    int severePainAfter();

    /** A rise of this many points over the baseline raises PAIN_INCREASE. */
    @WithDefault("2")
    int painRisePoints();

    /** The baseline is the mean pain-before of this many first logs. */
    @WithDefault("3")
    int baselineLogs();

    /** This many sessions with pain lasting hours ... */
    @WithDefault("2")
    int lastingPainSessions();

    /** ... within this many days raise PAIN_PERSISTED. */
    @WithDefault("7")
    int lastingPainWindowDays();

    /** This many days without a log raise NO_RECENT_LOG. */
    @WithDefault("3")
    int inactiveDays();

    /** When the daily inactivity check runs. */
    @WithDefault("0 0 7 * * ?")
    String inactivityCron();

    default AlertRules.Thresholds thresholds() {
        return new AlertRules.Thresholds(
                severePainAfter(),
                painRisePoints(),
                baselineLogs(),
                lastingPainSessions(),
                lastingPainWindowDays(),
                inactiveDays());
    }
}
