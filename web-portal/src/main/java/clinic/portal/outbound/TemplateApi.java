package clinic.portal.outbound;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** program-service's plan templates ({@code /api/templates}) as the portal reads and writes them. */
public final class TemplateApi {

    private TemplateApi() {}

    /** A saved plan: protocol phase, exercises and dosages; PRIVATE to its owner or CLINIC-wide. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Template(
            Long id,
            String name,
            String description,
            String protocol,
            Integer phase,
            String visibility,
            String owner,
            Boolean mine,
            String createdAt,
            List<TemplateExercise> exercises) {

        public boolean isMine() {
            return Boolean.TRUE.equals(mine);
        }

        public boolean isClinicWide() {
            return "CLINIC".equals(visibility);
        }

        public int exerciseCount() {
            return exercises == null ? 0 : exercises.size();
        }
    }

    /**
     * One exercise of a template with its dosage; {@code retired} (since the template was saved) or {@code missing}
     * (no longer in the library) ones cannot be prescribed now.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TemplateExercise(
            Integer position,
            String exercise,
            String name,
            Integer sets,
            Integer reps,
            Integer holdSeconds,
            Integer minutes,
            Integer timesPerDay,
            Boolean perSide,
            Boolean retired,
            Boolean missing) {

        public boolean available() {
            return !Boolean.TRUE.equals(retired) && !Boolean.TRUE.equals(missing);
        }
    }

    /** Save a program's exercises and dosages as a template. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FromProgram(String name, String visibility) {}
}
