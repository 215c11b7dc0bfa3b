package clinic.portal.outbound;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A service answered with an error status. Carries the parsed problem document so pages can show what went wrong
 * without ever showing the raw body.
 */
public class ServiceException extends RuntimeException {

    private final int status;
    private final transient ProblemBody problem;
    private final String retryAfter;

    public ServiceException(int status, ProblemBody problem, String retryAfter) {
        super("service answered " + status);
        this.status = status;
        this.problem = problem;
        this.retryAfter = retryAfter;
    }

    public ServiceException(int status, ProblemBody problem) {
        this(status, problem, null);
    }

    public int status() {
        return status;
    }

    /** The problem document, or null when the body was not problem+json. */
    public ProblemBody problem() {
        return problem;
    }

    public String retryAfter() {
        return retryAfter;
    }

    /** Builds the exception from an error response; used by the REST clients' exception mappers. */
    public static ServiceException from(Response response) {
        ProblemBody problem = null;
        MediaType type = response.getMediaType();
        if (type != null && type.getSubtype() != null && type.getSubtype().contains("json")) {
            try {
                problem = response.readEntity(ProblemBody.class);
            } catch (RuntimeException unreadable) {
                // A body we cannot parse is treated like no body: the status alone decides the message.
                problem = null;
            }
        }
        return new ServiceException(response.getStatus(), problem, response.getHeaderString("Retry-After"));
    }
}
