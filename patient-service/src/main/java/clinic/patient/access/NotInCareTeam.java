package clinic.patient.access;

/** A physio asked for a patient whose care team they are not in, without an unexpired grant: answered 403. */
public class NotInCareTeam extends RuntimeException {

    private final long patientId;
    private final String carePhysio;

    public NotInCareTeam(long patientId, String carePhysio) {
        super("not in care team", null, false, false);
        this.patientId = patientId;
        this.carePhysio = carePhysio;
    }

    public long patientId() {
        return patientId;
    }

    public String carePhysio() {
        return carePhysio;
    }
}
