package clinic.program.outbound;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** The ids of the patients the calling physio may reach now (care physio, care team, active grants). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Accessible(List<Long> patientIds) {}
