package clinic.patient.screening;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code clinic.screening.*}: how long a screening may clear a program. */
@ConfigMapping(prefix = "clinic.screening")
public interface ScreeningConfig {

    /** ISO-8601, whole days count: {@code P90D} by default (docs/clinical-rules.md). */
    @WithDefault("P90D")
    Duration validity();
}
