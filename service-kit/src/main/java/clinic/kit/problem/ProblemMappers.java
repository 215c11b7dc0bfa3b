package clinic.kit.problem;

import clinic.kit.text.RefusedValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
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
 * Turns every failure of a service into problem+json: the security refusals (401, 403), malformed JSON and bean
 * validation (400), the service's own {@link DomainException}s, lost races (409), bodies and addresses too large (413,
 * 414), a database or dependency that is down (503 with Retry-After). Nothing from an exception's class, stack or SQL
 * reaches the client; the unexpected ones are logged with a reference the client gets too.
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
    public Response constraintViolation(ConstraintViolationException e) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(field(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(java.util.Comparator.comparing(Problem.Violation::field))
                .toList();
        return respond(Problem.invalid(violations));
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
        String detail =
                switch (status) {
                    case 413 -> "The request body is too large.";
                    case 414 -> "The request address is too long.";
                    default -> title + ".";
                };
        return respond(Problem.of(status, title, detail));
    }

    /** The service's own refusals: one status per kind of {@link DomainException}. */
    @ServerExceptionMapper
    public Response domain(DomainException e) {
        // An instanceof chain rather than a pattern switch: the services still build for Java 17.
        if (e instanceof DomainException.NotFound notFound) {
            return respond(new Problem("about:blank", "Not Found", 404, e.getMessage(), null, notFound.members()));
        }
        if (e instanceof DomainException.Conflict conflict) {
            return respond(new Problem(conflict.type(), conflict.title(), 409, e.getMessage(), null, null));
        }
        if (e instanceof DomainException.Invalid invalid) {
            return respond(Problem.invalid(invalid.violations()));
        }
        if (e instanceof DomainException.Refused refused) {
            return respond(new Problem("about:blank", refused.title(), 422, e.getMessage(), null, refused.members()));
        }
        if (e instanceof DomainException.Forbidden) {
            return respond(Problem.of(403, "Forbidden", e.getMessage()));
        }
        if (e instanceof DomainException.NotInCareTeam refusal) {
            return respond(new Problem(
                    DomainException.NotInCareTeam.TYPE,
                    DomainException.NotInCareTeam.TITLE,
                    403,
                    e.getMessage(),
                    null,
                    careTeamMembers(refusal)));
        }
        // Unavailable. The cause may carry URLs or server replies: logged, never sent.
        LOG.warnf("Dependency unavailable: %s", e.getMessage());
        return withRetryAfter(respond(Problem.of(503, "Service Unavailable", e.getMessage())), 30);
    }

    @ServerExceptionMapper
    public Response optimisticLock(jakarta.persistence.OptimisticLockException e) {
        return respond(staleVersion());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        // A lost race can surface at commit, wrapped by the transaction manager: still a 409, not a 500.
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException
                    || t instanceof org.hibernate.StaleStateException) {
                return respond(staleVersion());
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException) {
                return respond(Problem.of(409, "Conflict", "A record with the same unique value exists already."));
            }
        }
        if (databaseUnavailable(e)) {
            return databaseDown();
        }
        String reference = java.util.UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error, reference %s", reference);
        return respond(
                Problem.of(500, "Internal Server Error", "Something went wrong on our side. Reference: " + reference));
    }

    private static Problem staleVersion() {
        return Problem.of(409, "Conflict", "The record was changed by someone else; reload it and try again.");
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
                : e instanceof UnrecognizedPropertyException
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
        return DatabaseFailures.unavailable(e);
    }

    private static Response databaseDown() {
        LOG.warn("Database unavailable; answered 503");
        return withRetryAfter(
                respond(Problem.of(
                        503, "Service Unavailable", "The database is not reachable at the moment; try again shortly.")),
                10);
    }

    private static java.util.Map<String, Object> careTeamMembers(DomainException.NotInCareTeam refusal) {
        java.util.Map<String, Object> members = new java.util.LinkedHashMap<>();
        members.put("patientId", refusal.patientId());
        if (refusal.carePhysio() != null) {
            members.put("carePhysio", refusal.carePhysio());
        }
        members.put("breakGlass", refusal.breakGlass());
        return members;
    }

    private static Response withRetryAfter(Response response, int seconds) {
        return Response.fromResponse(response)
                .header("Retry-After", String.valueOf(seconds))
                .build();
    }

    /** The problem as a response, with the media type and, for a 401, the challenge. */
    public static Response respond(Problem problem) {
        Response.ResponseBuilder builder =
                Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.status() == 401) {
            builder.header("WWW-Authenticate", "Bearer realm=\"clinic\"");
        }
        return builder.build();
    }
}
