package clinic.patient.common;

/** The resource is absent, or the caller may not learn that it exists: answered 404. */
public class NotFoundProblem extends RuntimeException {

    public NotFoundProblem(String detail) {
        super(detail, null, false, false);
    }
}
