package clinic.patient.access;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where the access rules read a patient's care team. The registry owns the patient record and answers this
 * ({@code registry.PatientRepository} implements it), so access imports nothing of the registry: the registry calls
 * access before it reads or changes a record, never the other way round.
 */
public interface CareTeams {

    /** A patient's care physio and the other members of the care team. */
    record CareTeam(long patientId, String carePhysio, Set<String> members) {

        public boolean includes(String physio) {
            return physio.equals(carePhysio) || members.contains(physio);
        }

        public List<String> sortedMembers() {
            return members.stream().sorted().toList();
        }
    }

    /** The patient's care team, or empty when there is no such patient; read in the caller's transaction. */
    Optional<CareTeam> careTeamOf(long patientId);

    /** A patient in the physio's care: as its care physio, or else as a member of its care team. */
    record InCare(long patientId, boolean carePhysio) {}

    /** The patients the physio is care physio or care team member of, ascending by id (grants are not care). */
    List<InCare> inCareOf(String physio);
}
