package clinic.portal.session;

import io.quarkus.oidc.SecurityEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Keycloak sessions ({@code sid}) that were signed out, so that every copy of their session cookie is refused at
 * once, not only the browser's own: the cookie carries tokens that stay valid for minutes after sign-out.
 *
 * <p>Fed by the portal's own sign-out ({@link SignOutPages}) and by Keycloak's back-channel logout: Quarkus keeps a
 * back-channel logout only until the first request of that session, then forgets it; its completion event tells us the
 * {@code sid}, which we keep for the whole retention time.
 *
 * <p>In memory, per replica: see docs/security.md "Sessions" for what that means with several portal replicas.
 */
@ApplicationScoped
public class SignedOutSessions {

    private final Map<String, Long> until = new ConcurrentHashMap<>();
    private final Duration retention;
    private final int maxEntries;
    private final Clock clock;

    @Inject
    public SignedOutSessions(
            @ConfigProperty(name = "clinic.portal.signed-out-retention", defaultValue = "10H") Duration retention,
            @ConfigProperty(name = "clinic.portal.signed-out-max", defaultValue = "100000") int maxEntries) {
        this(retention, maxEntries, Clock.systemUTC());
    }

    SignedOutSessions(Duration retention, int maxEntries, Clock clock) {
        this.retention = retention;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /** Records that the session {@code sid} has ended; null is ignored. */
    public void signedOut(String sid) {
        if (sid == null) {
            return;
        }
        long now = clock.millis();
        if (until.size() >= maxEntries) {
            until.values().removeIf(t -> t <= now);
            if (until.size() >= maxEntries) {
                // Full of live entries: drop the one that would expire first (the oldest sign-out).
                until.entrySet().stream()
                        .min(Map.Entry.comparingByValue())
                        .ifPresent(e -> until.remove(e.getKey(), e.getValue()));
            }
        }
        until.put(sid, now + retention.toMillis());
    }

    /** True if the session {@code sid} was signed out within the retention time. */
    public boolean isSignedOut(String sid) {
        if (sid == null) {
            return false;
        }
        Long end = until.get(sid);
        if (end == null) {
            return false;
        }
        if (end <= clock.millis()) {
            until.remove(sid, end);
            return false;
        }
        return true;
    }

    int size() {
        return until.size();
    }

    /** Quarkus completed a back-channel logout on one request of that session: keep refusing its other copies. */
    void backChannelLogout(@Observes SecurityEvent event) {
        if (event.getEventType() == SecurityEvent.Type.OIDC_BACKCHANNEL_LOGOUT_COMPLETED) {
            signedOut(SessionKey.sid(event.getSecurityIdentity()));
        }
    }
}
