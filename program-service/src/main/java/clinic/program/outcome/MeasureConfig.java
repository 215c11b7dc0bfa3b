package clinic.program.outcome;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** When questionnaires are due (docs/outcome-measures.md, "Schedule"). */
@ConfigMapping(prefix = "clinic.measures")
public interface MeasureConfig {

    /** Weeks after the program's start at which the outcome questionnaires are asked again. */
    @WithDefault("4,8")
    List<Integer> weeks();
}
