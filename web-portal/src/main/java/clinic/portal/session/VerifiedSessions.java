package clinic.portal.session;

import io.quarkus.oidc.AuthorizationCodeTokens;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.oidc.common.OidcEndpoint;
import io.quarkus.oidc.common.OidcResponseFilter;
import io.quarkus.oidc.common.runtime.OidcCommonUtils;
import io.quarkus.oidc.common.runtime.OidcConstants;
import io.quarkus.oidc.runtime.OidcIdentityProvider;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Checks a signed-in session's tokens once for their lifetime instead of on every page. A page request carries the
 * session cookie with the ID, access and refresh tokens; Quarkus OIDC verifies the ID token's and the access token's
 * RS256 signatures and claims each time, which was most of a page's CPU. The first request of a session (and of each
 * refreshed set of tokens) goes through that full check; the identity it gives is kept, keyed by the SHA-256 of the
 * three tokens together, until the earlier of the two tokens' {@code exp}, and later pages with the very same tokens
 * get it from here. At expiry OIDC's own path runs again (refresh with the refresh token, or a new login). A JWKS
 * answer from Keycloak (keys loaded or refreshed) empties the cache; refusals are never kept. A new login or a refresh
 * is always left to OIDC. Signed-out sessions are refused by {@link RequestChecks} on every request, cached or not.
 * {@code clinic.portal.session-cache.enabled=false} turns it off.
 */
@ApplicationScoped
public class VerifiedSessions implements IdentityProvider<TokenAuthenticationRequest> {

    private static final String ROUTING_CONTEXT = RoutingContext.class.getName();
    private static final String REQUEST_CONTEXT = AuthenticationRequestContext.class.getName();
    /** Set by OIDC on a request that has just logged in or refreshed its tokens (OidcIdentityProvider). */
    private static final String NEW_AUTHENTICATION = "new_authentication";

    private static final String REFRESH_GRANT = "refresh_token_grant_response";

    private record Entry(SecurityIdentity identity, long expiresAtMillis, long generation) {}

    private final OidcIdentityProvider oidc;
    private final boolean enabled;
    private final int maxEntries;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    public VerifiedSessions(
            OidcIdentityProvider oidc,
            @ConfigProperty(name = "clinic.portal.session-cache.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "clinic.portal.session-cache.size", defaultValue = "10000") int maxEntries) {
        this.oidc = oidc;
        this.enabled = enabled;
        this.maxEntries = Math.max(1, maxEntries);
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /**
     * Before OIDC's own provider, which has the interface's default priority (1001): the manager asks the providers
     * highest first and goes on to the next only when one answers null.
     */
    @Override
    public int priority() {
        return 2000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (!enabled
                || routing == null
                || !(request.getToken() instanceof IdTokenCredential id)
                || id.isInternal()
                || Boolean.TRUE.equals(routing.get(NEW_AUTHENTICATION))
                || Boolean.TRUE.equals(routing.get(REFRESH_GRANT))
                || !(routing.get(AuthorizationCodeTokens.class.getName()) instanceof AuthorizationCodeTokens tokens)) {
            return Uni.createFrom().nullItem();
        }
        String accessToken = routing.get(OidcConstants.ACCESS_TOKEN_VALUE);
        if (accessToken == null) {
            return Uni.createFrom().nullItem();
        }
        String key = key(id.getToken(), accessToken, tokens.getRefreshToken());
        Entry entry = entries.get(key);
        long now = System.currentTimeMillis();
        if (entry != null) {
            if (entry.generation() == generation.get() && now < entry.expiresAtMillis()) {
                return Uni.createFrom().item(forThisRequest(entry.identity(), routing, context));
            }
            entries.remove(key, entry);
        }
        long started = generation.get();
        return oidc.authenticate(request, context).invoke(identity -> remember(key, identity, accessToken, started));
    }

    private void remember(String key, SecurityIdentity identity, String accessToken, long started) {
        if (identity == null || !(identity.getPrincipal() instanceof JsonWebToken idToken)) {
            return;
        }
        JsonObject access = OidcCommonUtils.decodeJwtContent(accessToken);
        Long accessExp = access == null ? null : access.getLong("exp");
        long exp = idToken.getExpirationTime();
        if (accessExp == null || exp <= 0) {
            return;
        }
        long until = Math.min(exp, accessExp) * 1000;
        long now = System.currentTimeMillis();
        if (started != generation.get() || now >= until) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(e -> now >= e.expiresAtMillis() || e.generation() != generation.get());
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(key, new Entry(withoutRequest(identity), until, started));
    }

    /** The identity without the routing context of the request that verified it, which must not be kept alive. */
    private static SecurityIdentity withoutRequest(SecurityIdentity identity) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addRoles(identity.getRoles());
        identity.getAttributes().forEach((name, value) -> {
            if (!ROUTING_CONTEXT.equals(name) && !REQUEST_CONTEXT.equals(name)) {
                builder.addAttribute(name, value);
            }
        });
        return builder.build();
    }

    private static SecurityIdentity forThisRequest(
            SecurityIdentity known, RoutingContext routing, AuthenticationRequestContext context) {
        routing.put(REQUEST_CONTEXT, context);
        return QuarkusSecurityIdentity.builder(known)
                .addAttribute(ROUTING_CONTEXT, routing)
                .addAttribute(REQUEST_CONTEXT, context)
                .build();
    }

    /** Keycloak's keys were (re)loaded: nothing verified before may be served any more. */
    void keysChanged() {
        generation.incrementAndGet();
        entries.clear();
    }

    static String key(String idToken, String accessToken, String refreshToken) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(idToken.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(accessToken.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            if (refreshToken != null) {
                sha.update(refreshToken.getBytes(StandardCharsets.UTF_8));
            }
            return Base64.getEncoder().encodeToString(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Empties the cache when Keycloak's key set is (re)loaded, before the new keys are used. */
    @ApplicationScoped
    @OidcEndpoint(OidcEndpoint.Type.JWKS)
    public static class KeySetReloads implements OidcResponseFilter {

        private final VerifiedSessions sessions;

        public KeySetReloads(VerifiedSessions sessions) {
            this.sessions = sessions;
        }

        @Override
        public void filter(OidcResponseContext response) {
            sessions.keysChanged();
        }
    }
}
