package clinic.patient.common;

/** The request is understood but the record is not ready for it (e.g. an invitation without an e-mail): 422. */
public class UnprocessableProblem extends RuntimeException {

    private final String title;

    public UnprocessableProblem(String title, String detail) {
        super(detail, null, false, false);
        this.title = title;
    }

    public String title() {
        return title;
    }
}
