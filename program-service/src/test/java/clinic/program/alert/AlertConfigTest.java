package clinic.program.alert;

import static org.assertj.core.api.Assertions.assertThat;

import clinic.program.progress.ProgressConfig;
import clinic.rules.AlertRules;
import clinic.rules.ProgressRules;
import io.smallrye.config.WithDefault;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The configurable thresholds default to the documented figures of clinical-rules, not to a copy of them. */
class AlertConfigTest {

    private static Map<String, String> defaults(Class<?> mapping) {
        return Arrays.stream(mapping.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(WithDefault.class))
                .collect(Collectors.toMap(
                        Method::getName, m -> m.getAnnotation(WithDefault.class).value()));
    }

    @Test
    void everyAlertThresholdDefaultsToAlertRulesDefaults() throws Exception {
        Map<String, String> defaults = defaults(AlertConfig.class);
        RecordComponent[] components = AlertRules.Thresholds.class.getRecordComponents();
        assertThat(components).isNotEmpty();
        for (RecordComponent c : components) {
            assertThat(defaults)
                    .as(c.getName())
                    .containsEntry(c.getName(), String.valueOf(c.getAccessor().invoke(AlertRules.Thresholds.DEFAULTS)));
        }
    }

    @Test
    void theReferralWeeksDefaultToProgressRulesDefaults() {
        assertThat(defaults(ProgressConfig.class))
                .containsEntry("referralWeeks", String.valueOf(ProgressRules.Thresholds.DEFAULTS.referralWeeks()));
    }
}
