package clinic.patient.access;

/**
 * The caller has access to the patient but not to this action (e.g. a care-team member changing the care team):
 * a plain 403 with the reason.
 */
public class AccessForbidden extends RuntimeException {

    public AccessForbidden(String detail) {
        super(detail, null, false, false);
    }
}
