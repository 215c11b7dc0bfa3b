package clinic.program.audit;

import jakarta.enterprise.context.RequestScoped;
import java.util.HashMap;
import java.util.Map;

/**
 * What patient-service said about the caller's access in this request, per patient, so the audit rows of the request
 * can say that a physio reached the patient by breaking the glass.
 */
@RequestScoped
public class AccessNotes {

    private final Map<Long, String> kinds = new HashMap<>();

    public void note(long patientId, String access) {
        kinds.put(patientId, access);
    }

    /** The kind of access (CARE_PHYSIO, CARE_TEAM, BREAK_GLASS, ADMIN) confirmed for the patient, or null. */
    public String kind(long patientId) {
        return kinds.get(patientId);
    }
}
