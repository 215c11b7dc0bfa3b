package clinic.patient.common;

/** A query parameter that bean validation cannot express (e.g. a list of ids): answered 400 with the field. */
public class BadRequestProblem extends RuntimeException {

    private final String field;

    public BadRequestProblem(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
