package clinic.patient.access;

import clinic.kit.problem.DomainException;
import clinic.patient.outbound.KeycloakAdminClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Is this user name a physio? Asked of Keycloak's admin API with this service's service account (the user by exact
 * name, then their effective realm roles, so a role given through a group or a composite counts), before a care
 * physio or care-team member is stored. Answers are cached for {@code clinic.physio-directory.cache} (default 60 s)
 * per name, yes and no alike. Keycloak unreachable: {@link DomainException.Unavailable} (503), nothing is stored.
 */
@ApplicationScoped
public class PhysioDirectory {

    private static final Logger LOG = Logger.getLogger(PhysioDirectory.class);
    static final String PHYSIO = "physio";

    private record Answer(boolean physio, long at) {}

    private final KeycloakAdminClient keycloak;
    private final long ttlNanos;
    private final Map<String, Answer> cache = new ConcurrentHashMap<>();

    public PhysioDirectory(
            @RestClient KeycloakAdminClient keycloak,
            @ConfigProperty(name = "clinic.physio-directory.cache", defaultValue = "60s") Duration ttl) {
        this.keycloak = keycloak;
        this.ttlNanos = ttl.toNanos();
    }

    /**
     * Every name must be an existing user with realm role {@code physio}.
     *
     * @param field the request field named in the 400
     * @throws DomainException.Invalid naming the first name that is not a physio
     * @throws DomainException.Unavailable if Keycloak cannot be asked
     */
    public void requirePhysios(String field, Collection<String> usernames) {
        for (String name : usernames) {
            if (!isPhysio(name)) {
                throw new DomainException.Invalid(field, "'" + name + "' is not a physiotherapist of this clinic");
            }
        }
    }

    boolean isPhysio(String username) {
        long now = System.nanoTime();
        Answer cached = cache.get(username);
        if (cached != null && now - cached.at() < ttlNanos) {
            return cached.physio();
        }
        boolean physio;
        try {
            List<KeycloakAdminClient.User> found = keycloak.findByUsername(username, true);
            physio = found.stream()
                    .filter(u -> username.equals(u.username()))
                    .findFirst()
                    .map(u -> keycloak.effectiveRealmRoles(u.id()).stream().anyMatch(r -> PHYSIO.equals(r.name())))
                    .orElse(false);
        } catch (RuntimeException e) {
            LOG.warnf(
                    "Keycloak not reachable for the physio check (%s)",
                    e.getClass().getSimpleName());
            throw new DomainException.Unavailable(
                    "The login service is unavailable, so the physio cannot be checked; try again shortly.", e);
        }
        cache.put(username, new Answer(physio, now));
        return physio;
    }
}
