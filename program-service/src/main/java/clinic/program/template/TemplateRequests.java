package clinic.program.template;

import clinic.program.prescription.NewProgram;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The bodies of the template endpoints. */
public final class TemplateRequests {

    private TemplateRequests() {}

    /** The visibilities a template may have; null means PRIVATE. */
    static final String VISIBILITY = "PRIVATE|CLINIC";

    /**
     * A template typed in full. {@code exercises} use the same fields and limits as an assignment's, so a template's
     * exercises can be sent as a {@code NewProgram}'s; a dosage field left out takes the phase's (else the library's)
     * default at save, so the template holds the full dosage.
     */
    public record NewTemplate(
            @NotBlank @Size(max = 120) String name,
            @Size(max = 2000) String description,
            @Pattern(regexp = VISIBILITY, message = "must be PRIVATE or CLINIC") String visibility,
            @NotBlank @Size(max = 60) String protocol,
            @NotNull @Min(1) @Max(20) Integer phase,
            @NotEmpty @Size(max = 30) List<NewProgram.@Valid @NotNull ExerciseChoice> exercises) {}

    /** Save a program's current exercises and dosages (and its protocol and phase) as a template. */
    public record FromProgram(
            @NotBlank @Size(max = 120) String name,
            @Size(max = 2000) String description,
            @Pattern(regexp = VISIBILITY, message = "must be PRIVATE or CLINIC") String visibility) {}
}
