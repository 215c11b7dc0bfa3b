package clinic.patient.common;

/** A stale version or a duplicate natural key: answered 409. */
public class ConflictProblem extends RuntimeException {

    public ConflictProblem(String detail) {
        super(detail, null, false, false);
    }
}
