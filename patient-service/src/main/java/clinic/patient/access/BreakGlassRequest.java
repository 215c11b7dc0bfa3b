package clinic.patient.access;

import clinic.kit.text.VisibleText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /api/patients/{id}/access}: why a physio outside the care team must open the record now. */
public record BreakGlassRequest(@NotNull @Size(min = 10, max = 500) @VisibleText(multiline = true) String reason) {}
