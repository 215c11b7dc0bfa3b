package clinic.program.prescription;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Bodies and answers of the hold endpoints. */
public final class HoldRequests {

    private HoldRequests() {}

    /** patient-service delivers a screening's red flags (codes of {@code clinic.rules.RedFlag}). */
    public record ScreeningRedFlags(
            @NotNull @Positive Long patientId,
            @NotNull @Positive Long screeningId,
            @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 40) String> redFlags) {}

    /** The answer: the patient's current program (or null) and its status after the delivery (or null). */
    public record HoldAnswer(long patientId, Long programId, String status) {}

    /** A physio resumes a held program, with a reason. */
    public record Resume(@NotBlank @Size(min = 1, max = 1000) String reason) {}
}
