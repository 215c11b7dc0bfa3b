package clinic.kit.web;

import clinic.kit.problem.Problem;
import clinic.kit.problem.ProblemMappers;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Per-user rate limits on writes (POST, PUT, PATCH, DELETE under {@code /api/}): one budget for all writes and a
 * smaller one for the login-adjacent ones ({@code clinic.rate-limit.sensitive-paths}). Over it: 429 problem+json
 * with {@code Retry-After} in seconds. Requests without a valid token are left to the security checks (401), and
 * the roles in {@code clinic.rate-limit.exempt-roles} (service accounts) are not limited.
 */
public class RateLimitFilter {

    private static final Logger LOG = Logger.getLogger(RateLimitFilter.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final CurrentIdentityAssociation identities;
    private final RateLimiter limiter = new RateLimiter();
    private final boolean enabled;
    private final int writesPerMinute;
    private final int sensitivePerMinute;
    private final List<Pattern> sensitive;
    private final Set<String> exemptRoles;

    public RateLimitFilter(
            CurrentIdentityAssociation identities,
            @ConfigProperty(name = "clinic.rate-limit.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "clinic.rate-limit.writes-per-minute", defaultValue = "120") int writesPerMinute,
            @ConfigProperty(name = "clinic.rate-limit.sensitive-per-minute", defaultValue = "10")
                    int sensitivePerMinute,
            @ConfigProperty(name = "clinic.rate-limit.sensitive-paths") Optional<List<String>> sensitivePaths,
            @ConfigProperty(name = "clinic.rate-limit.exempt-roles") Optional<List<String>> exemptRoles) {
        this.identities = identities;
        this.enabled = enabled;
        this.writesPerMinute = writesPerMinute;
        this.sensitivePerMinute = sensitivePerMinute;
        this.sensitive = sensitivePaths.orElse(List.of()).stream()
                .map(RateLimitFilter::pathPattern)
                .toList();
        this.exemptRoles = Set.copyOf(exemptRoles.orElse(List.of()));
    }

    /** {@code /api/patients/*}{@code /account}: {@code *} is one path segment; a trailing slash is allowed. */
    static Pattern pathPattern(String glob) {
        StringBuilder regex = new StringBuilder();
        for (String part : glob.split("\\*", -1)) {
            if (regex.length() > 0) {
                regex.append("[^/]+");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex + "/?");
    }

    @ServerRequestFilter
    public Uni<Response> limit(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!enabled || !WRITES.contains(request.getMethod()) || !path.startsWith("/api/")) {
            return Uni.createFrom().nullItem();
        }
        String group = sensitive.stream().anyMatch(p -> p.matcher(path).matches()) ? "sensitive" : "writes";
        int perMinute = "sensitive".equals(group) ? sensitivePerMinute : writesPerMinute;
        return identities
                .getDeferredIdentity()
                .onFailure()
                // An invalid token: the security checks answer 401 as for any other request.
                .recoverWithItem((SecurityIdentity) null)
                .map(identity -> {
                    if (identity == null || identity.isAnonymous() || exempt(identity)) {
                        return null;
                    }
                    String user = identity.getPrincipal().getName();
                    Optional<Duration> wait = limiter.acquire(group + "|" + user, perMinute);
                    if (wait.isEmpty()) {
                        return null;
                    }
                    long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
                    // The user name is not logged (docs/security.md); the group and the wait are enough to tune.
                    LOG.debugf("Rate limit reached (%s), retry after %d s", group, seconds);
                    return Response.fromResponse(ProblemMappers.respond(Problem.of(
                                    429,
                                    "Too Many Requests",
                                    "Too many " + ("sensitive".equals(group) ? "requests of this kind" : "changes")
                                            + " in a short time; try again in " + seconds + " s.")))
                            .header("Retry-After", String.valueOf(seconds))
                            .build();
                });
    }

    private boolean exempt(SecurityIdentity identity) {
        return exemptRoles.stream().anyMatch(identity::hasRole);
    }
}
