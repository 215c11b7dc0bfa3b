package clinic.program.progress;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Thresholds of the progress rules that a clinic may tune. */
@ConfigMapping(prefix = "clinic.progress")
public interface ProgressConfig {

    /** Weeks on a program without clinically important improvement before "consider referral" (CLINICAL: 6-8). */
    @WithDefault("6")
    int referralWeeks();

    /** Sessions prescribed per week: the routine is daily. */
    @WithDefault("7")
    int prescribedPerWeek();
}
