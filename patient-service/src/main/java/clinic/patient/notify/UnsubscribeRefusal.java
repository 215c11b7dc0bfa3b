package clinic.patient.notify;

import clinic.kit.problem.Problem;
import clinic.kit.problem.ProblemMappers;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The answers of the unsubscribe link that are not a 200: a link that is not ours, was changed, or stops something
 * that cannot be stopped (400, problem type {@link #TYPE}), and too many tries (429 with Retry-After, as the
 * service-kit rate limit answers).
 */
public class UnsubscribeRefusal {

    public static final String TYPE = "https://clinic.example/problems/invalid-unsubscribe-link";
    public static final String TITLE = "Invalid unsubscribe link";

    /** 400: nothing was changed. The detail never echoes the token. */
    public static class InvalidLink extends RuntimeException {
        public InvalidLink(String message) {
            super(message, null, false, false);
        }
    }

    /** 429: this link (or, for links that are not valid, this client) tried too often. */
    public static class TooMany extends RuntimeException {
        final long seconds;

        public TooMany(long seconds) {
            super("too many unsubscribe requests", null, false, false);
            this.seconds = seconds;
        }
    }

    @ServerExceptionMapper
    public Response invalid(InvalidLink e) {
        return ProblemMappers.respond(new Problem(TYPE, TITLE, 400, e.getMessage(), null, Map.of()));
    }

    @ServerExceptionMapper
    public Response tooMany(TooMany e) {
        return Response.fromResponse(ProblemMappers.respond(Problem.of(
                        429,
                        "Too Many Requests",
                        "Too many requests of this kind in a short time; try again in " + e.seconds + " s.")))
                .header("Retry-After", String.valueOf(e.seconds))
                .build();
    }
}
