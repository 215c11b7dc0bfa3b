package clinic.program.prescription;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A physio discharges a program: a {@link DischargeReason} code and a summary for the letter (needed for OTHER).
 * {@code version}, when given, is the program version the physio saw (a stale one is refused with 409).
 */
public record DischargeRequest(
        @NotBlank @Size(max = 30) String reason,
        @Size(max = DischargeRequest.MAX_SUMMARY) String summary,
        @Min(0) Long version) {

    /** Long enough for a few paragraphs to the referring doctor, short enough for one printed page. */
    public static final int MAX_SUMMARY = 4000;
}
