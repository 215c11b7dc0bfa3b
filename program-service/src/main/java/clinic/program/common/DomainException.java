package clinic.program.common;

import java.util.List;

/** Domain failures; each maps to one HTTP status in {@link ProblemMappers}. Messages are safe to show. */
public class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message, null, false, false);
    }

    /** Absent, or belongs to another patient: the caller must not learn which. */
    public static class NotFound extends DomainException {
        public NotFound(String message) {
            super(message);
        }
    }

    /** The request carries a stale version or collides with a natural key. */
    public static class Conflict extends DomainException {
        public Conflict(String message) {
            super(message);
        }
    }

    /** Input that passes JSON binding but is still wrong (unknown slug, date in the future...). */
    public static class Invalid extends DomainException {
        public final List<Problem.Violation> violations;

        public Invalid(List<Problem.Violation> violations) {
            super("Some fields are not valid.");
            this.violations = List.copyOf(violations);
        }

        public Invalid(String field, String message) {
            this(List.of(new Problem.Violation(field, message)));
        }
    }

    /** A clinical rule refuses the request (not cleared, caution not acknowledged, idempotency key reused). */
    public static class Refused extends DomainException {
        public final List<Problem.Caution> cautions;

        public Refused(String message) {
            this(message, null);
        }

        public Refused(String message, List<Problem.Caution> cautions) {
            super(message);
            this.cautions = cautions;
        }
    }

    /** A dependency (patient-service) did not answer: nothing was written, the client may retry. */
    public static class Unavailable extends DomainException {
        public Unavailable(String message) {
            super(message);
        }
    }

    /**
     * patient-service says the calling physio is not in the patient's care team (and holds no break-the-glass grant):
     * answered 403 with the same members patient-service gives, so the portal can offer "ask {@code carePhysio}" or
     * break the glass at {@code breakGlass}.
     */
    public static class NotInCareTeam extends DomainException {
        public final long patientId;
        public final String carePhysio;
        public final String breakGlass;

        public NotInCareTeam(String message, long patientId, String carePhysio, String breakGlass) {
            super(message);
            this.patientId = patientId;
            this.carePhysio = carePhysio;
            this.breakGlass = breakGlass;
        }
    }
}
