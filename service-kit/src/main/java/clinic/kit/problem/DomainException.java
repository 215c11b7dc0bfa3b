package clinic.kit.problem;

import java.util.List;
import java.util.Map;

/**
 * Every failure a service's own rules raise, as one closed family: {@link ProblemMappers} turns each kind into one
 * HTTP status and a problem+json body. Messages are written for the person at the other end and are sent as the
 * problem's {@code detail}, so they never hold SQL, stack traces or another patient's data. No stack trace is filled:
 * these are answers, not bugs.
 */
public abstract sealed class DomainException extends RuntimeException {

    private DomainException(String message, Throwable cause) {
        super(message, cause, false, false);
    }

    /** 404: absent, or not the caller's to know about (another patient's record looks the same as none). */
    public static final class NotFound extends DomainException {
        private final Map<String, Object> members;

        public NotFound(String message) {
            this(message, Map.of());
        }

        /** A 404 that tells the caller what it may follow instead (a patient's discharged program). */
        public NotFound(String message, Map<String, Object> members) {
            super(message, null);
            this.members = Map.copyOf(members);
        }

        public Map<String, Object> members() {
            return members;
        }
    }

    /**
     * 409: a stale version, or a collision with a natural key or a state (an active login invited again). A conflict
     * with a state a client should recognise (a discharged program) carries its own problem {@code type} and title.
     */
    public static final class Conflict extends DomainException {
        public static final String TITLE = "Conflict";

        private final String type;
        private final String title;

        public Conflict(String message) {
            this("about:blank", TITLE, message);
        }

        public Conflict(String type, String title, String message) {
            super(message, null);
            this.type = type;
            this.title = title;
        }

        public String type() {
            return type;
        }

        public String title() {
            return title;
        }
    }

    /** 400: input that passes JSON binding but is still wrong (a bad query parameter, a date in the future). */
    public static final class Invalid extends DomainException {
        private final List<Problem.Violation> violations;

        public Invalid(List<Problem.Violation> violations) {
            super("Some fields are not valid.", null);
            this.violations = List.copyOf(violations);
        }

        public Invalid(String field, String message) {
            this(List.of(new Problem.Violation(field, message)));
        }

        public List<Problem.Violation> violations() {
            return violations;
        }
    }

    /**
     * 422: understood, but a rule refuses it: a clinical rule (not cleared, a caution not acknowledged) or the record
     * is not ready (an invitation without an e-mail address). {@code members} are added to the problem document.
     */
    public static final class Refused extends DomainException {
        public static final String CLINICAL_RULE = "Refused by a clinical rule";

        private final String title;
        private final Map<String, Object> members;

        /** Refused by a clinical rule. */
        public Refused(String message) {
            this(CLINICAL_RULE, message, Map.of());
        }

        public Refused(String title, String message, Map<String, Object> members) {
            super(message, null);
            this.title = title;
            this.members = Map.copyOf(members);
        }

        public String title() {
            return title;
        }

        public Map<String, Object> members() {
            return members;
        }
    }

    /** 403: the caller may see the patient but not do this (a team member changing the care team). */
    public static final class Forbidden extends DomainException {
        public Forbidden(String message) {
            super(message, null);
        }
    }

    /**
     * 403 of its own type: a physio outside the patient's care team, without an unexpired break-the-glass grant. The
     * problem names whom to ask ({@code carePhysio}) and where to break the glass ({@code breakGlass}), so both
     * services refuse alike and the portal can offer both.
     */
    public static final class NotInCareTeam extends DomainException {
        public static final String TYPE = "https://clinic.example/problems/not-in-care-team";
        public static final String TITLE = "Not in care team";
        public static final String DETAIL = "You are not in this patient's care team. Ask the care physio to add you,"
                + " or break the glass with a reason if you must act now.";

        private final long patientId;
        private final String carePhysio;

        public NotInCareTeam(long patientId, String carePhysio) {
            this(DETAIL, patientId, carePhysio);
        }

        public NotInCareTeam(String message, long patientId, String carePhysio) {
            super(message, null);
            this.patientId = patientId;
            this.carePhysio = carePhysio;
        }

        public long patientId() {
            return patientId;
        }

        public String carePhysio() {
            return carePhysio;
        }

        /** patient-service's break-the-glass endpoint for the patient. */
        public String breakGlass() {
            return breakGlassPath(patientId);
        }

        public static String breakGlassPath(long patientId) {
            return "/api/patients/" + patientId + "/access";
        }
    }

    /**
     * 503 with Retry-After: a service this one needs (another service, Keycloak) did not answer. Nothing was written;
     * the client may retry. The cause is logged, never sent.
     */
    public static final class Unavailable extends DomainException {
        public Unavailable(String message) {
            super(message, null);
        }

        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
