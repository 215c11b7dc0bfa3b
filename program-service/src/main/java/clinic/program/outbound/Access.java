package clinic.program.outbound;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * patient-service's answer to "may the caller reach this patient?": {@code access} is CARE_PHYSIO, CARE_TEAM,
 * BREAK_GLASS (until {@code expiresAt}) or ADMIN. A refusal is a 403, never an answer of this shape.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Access(Long patientId, String carePhysio, List<String> careTeam, String access, Instant expiresAt) {

    public static final String BREAK_GLASS = "BREAK_GLASS";
}
