package clinic.program.common;

/**
 * The 403 for a physio outside a patient's care team: the problem members patient-service answers with, so both
 * services refuse alike and the portal can name whom to ask ({@code carePhysio}) and where to break the glass.
 */
public record CareTeamProblem(
        String type, String title, int status, String detail, long patientId, String carePhysio, String breakGlass) {

    public static final String TYPE = "https://clinic.example/problems/not-in-care-team";
    public static final String TITLE = "Not in care team";

    /** patient-service's break-the-glass endpoint for the patient. */
    public static String breakGlassPath(long patientId) {
        return "/api/patients/" + patientId + "/access";
    }
}
