package clinic.program.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into problem+json. Nothing from an exception's class, stack or SQL reaches the client; the
 * unexpected ones are logged with a reference the client gets too.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return respond(Problem.of(401, "Unauthorized", "A valid bearer token is required."));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return respond(Problem.of(401, "Unauthorized", "A valid bearer token is required."));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(403, "Forbidden", "Your role may not do this."));
    }

    @ServerExceptionMapper
    public Response notFound(DomainException.NotFound e) {
        return respond(Problem.of(404, "Not Found", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response notInCareTeam(DomainException.NotInCareTeam e) {
        return Response.status(403)
                .type(Problem.MEDIA_TYPE)
                .entity(new CareTeamProblem(
                        CareTeamProblem.TYPE,
                        CareTeamProblem.TITLE,
                        403,
                        e.getMessage(),
                        e.patientId,
                        e.carePhysio,
                        e.breakGlass))
                .build();
    }

    @ServerExceptionMapper
    public Response conflict(DomainException.Conflict e) {
        return respond(Problem.of(409, "Conflict", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response optimisticLock(jakarta.persistence.OptimisticLockException e) {
        return respond(Problem.of(409, "Conflict", "Someone else changed this record; reload it and try again."));
    }

    @ServerExceptionMapper
    public Response invalid(DomainException.Invalid e) {
        return respond(
                new Problem("about:blank", "Invalid request", 400, "Some fields are not valid.", e.violations, null));
    }

    @ServerExceptionMapper
    public Response refused(DomainException.Refused e) {
        return respond(new Problem("about:blank", "Refused by a clinical rule", 422, e.getMessage(), null, e.cautions));
    }

    @ServerExceptionMapper
    public Response unavailable(DomainException.Unavailable e) {
        return Response.fromResponse(respond(Problem.of(503, "Service Unavailable", e.getMessage())))
                .header("Retry-After", "30")
                .build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(field(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(java.util.Comparator.comparing(Problem.Violation::field))
                .toList();
        return respond(
                new Problem("about:blank", "Invalid request", 400, "Some fields are not valid.", violations, null));
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        return badJson(e);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return badJson(e);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return badJson(e);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return badJson(json);
        }
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase()
                : "Error";
        String detail = status == 413 ? "The request body is too large." : title + ".";
        return respond(Problem.of(status, title, detail));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (databaseUnavailable(e)) {
            return databaseDown();
        }
        String reference = java.util.UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error, reference %s", reference);
        return respond(
                Problem.of(500, "Internal Server Error", "Something went wrong on our side. Reference: " + reference));
    }

    private static Response badJson(JsonProcessingException e) {
        String field = null;
        if (e instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            field = mismatch.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                    .orElse(null);
        }
        String message = e instanceof RefusedValue refused
                ? refused.reason
                : e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException
                        ? "is not a field of this request"
                        : "has the wrong type or format";
        List<Problem.Violation> violations = field == null ? null : List.of(new Problem.Violation(field, message));
        return respond(new Problem(
                "about:blank",
                "Malformed request",
                400,
                "The body is not valid JSON for this request.",
                violations,
                null));
    }

    /** "create.arg0.givenName" becomes "givenName". */
    private static String field(String path) {
        String[] parts = path.split("\\.");
        if (parts.length <= 2) {
            return parts[parts.length - 1];
        }
        return String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
    }

    /**
     * The database is unreachable (stopped, restarting, network) or its pool is exhausted: the request can succeed
     * later, so it is a 503 with Retry-After like any dependency that is down, not a 500.
     */
    static boolean databaseUnavailable(Throwable e) {
        return databaseUnavailable(e, 0);
    }

    /** Walks causes and suppressed exceptions: a failed commit carries the connection failure as suppressed. */
    private static boolean databaseUnavailable(Throwable t, int depth) {
        if (t == null || depth > 16) {
            return false;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (databaseUnavailable(suppressed, depth + 1)) {
                return true;
            }
        }
        if (t instanceof org.hibernate.exception.JDBCConnectionException
                || t instanceof java.sql.SQLTransientConnectionException
                || t instanceof java.sql.SQLNonTransientConnectionException
                || t instanceof java.sql.SQLRecoverableException) {
            return true;
        }
        if (t instanceof java.sql.SQLException sql
                && ((sql.getSQLState() != null && sql.getSQLState().startsWith("08"))
                        // Agroal's pool gives up waiting for a connection with a plain SQLException.
                        || String.valueOf(sql.getMessage())
                                .toLowerCase(java.util.Locale.ROOT)
                                .contains("acquisition timeout"))) {
            return true;
        }
        return databaseUnavailable(t.getCause(), depth + 1);
    }

    private static Response databaseDown() {
        LOG.warn("Database unavailable; answered 503");
        return Response.fromResponse(respond(Problem.of(
                        503, "Service Unavailable", "The database is not reachable at the moment; try again shortly.")))
                .header("Retry-After", "10")
                .build();
    }

    public static Response respond(Problem problem) {
        Response.ResponseBuilder builder =
                Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.status() == 401) {
            builder.header("WWW-Authenticate", "Bearer realm=\"clinic\"");
        }
        return builder.build();
    }
}
