package clinic.kit.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.common.OidcEndpoint;
import io.quarkus.oidc.common.OidcResponseFilter;
import io.quarkus.oidc.runtime.OidcIdentityProvider;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies each bearer token once for its lifetime instead of on every request: the first request with a token goes
 * through Quarkus OIDC's full check (signature against the realm's keys, issuer, audience, expiry); the identity it
 * gives is kept in {@link VerifiedTokens} until the token's {@code exp} (or {@code iat} plus
 * {@code quarkus.oidc.token.age} when that is set, if sooner), and later requests with the very same token get it
 * from there. A JWKS answer from the identity provider (its keys loaded or refreshed) empties the cache. Refused
 * tokens are never kept. {@code clinic.token-cache.enabled=false} turns it off; {@code clinic.token-cache.size}
 * bounds it (10,000 tokens). docs/security.md "What each service checks".
 *
 * <p>Runs before OIDC's own identity provider (a higher priority than its 1001) and calls it on a miss, so OIDC's provider still does
 * every check; only ID tokens and other credentials are passed on untouched (null: the next provider decides).
 */
@ApplicationScoped
public class CachedBearerTokens implements IdentityProvider<TokenAuthenticationRequest> {

    /** The identity attributes that belong to one request and are set afresh for each request served from the cache. */
    private static final String ROUTING_CONTEXT = RoutingContext.class.getName();

    private static final String REQUEST_CONTEXT = AuthenticationRequestContext.class.getName();

    private final OidcIdentityProvider oidc;
    private final VerifiedTokens verified;
    private final boolean enabled;
    private final Optional<Duration> maxAge;

    public CachedBearerTokens(
            OidcIdentityProvider oidc,
            @ConfigProperty(name = "clinic.token-cache.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "clinic.token-cache.size", defaultValue = "10000") int size,
            @ConfigProperty(name = "quarkus.oidc.token.age") Optional<Duration> maxAge) {
        this.oidc = oidc;
        this.enabled = enabled;
        this.verified = new VerifiedTokens(size);
        this.maxAge = maxAge;
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
        if (!enabled || !(request.getToken() instanceof AccessTokenCredential)) {
            return Uni.createFrom().nullItem();
        }
        String token = request.getToken().getToken();
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        SecurityIdentity known = verified.get(token);
        if (known != null) {
            return Uni.createFrom().item(forThisRequest(known, routing, context));
        }
        long generation = verified.generation();
        return oidc.authenticate(request, context).invoke(identity -> remember(token, identity, generation));
    }

    private void remember(String token, SecurityIdentity identity, long generation) {
        if (identity == null || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return;
        }
        long exp = jwt.getExpirationTime();
        if (exp <= 0) {
            return;
        }
        long until = exp * 1000;
        if (maxAge.isPresent() && jwt.getIssuedAtTime() > 0) {
            until = Math.min(until, jwt.getIssuedAtTime() * 1000 + maxAge.get().toMillis());
        }
        verified.put(token, withoutRequest(identity, jwt), until, generation);
    }

    /**
     * The identity without the attributes of the request that verified it (its routing context would otherwise be
     * kept alive for the token's lifetime). The token's scopes are its permissions, as OIDC derives them.
     */
    private static SecurityIdentity withoutRequest(SecurityIdentity identity, JsonWebToken jwt) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addRoles(identity.getRoles());
        identity.getAttributes().forEach((name, value) -> {
            if (!ROUTING_CONTEXT.equals(name) && !REQUEST_CONTEXT.equals(name)) {
                builder.addAttribute(name, value);
            }
        });
        Object scope = jwt.getClaim("scope");
        if (scope != null && !scope.toString().isBlank()) {
            Set<String> scopes =
                    Arrays.stream(scope.toString().trim().split("\\s+")).collect(Collectors.toSet());
            builder.addPermissionsAsString(scopes);
        }
        return builder.build();
    }

    private static SecurityIdentity forThisRequest(
            SecurityIdentity known, RoutingContext routing, AuthenticationRequestContext context) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(known);
        if (routing != null) {
            routing.put(REQUEST_CONTEXT, context);
            builder.addAttribute(ROUTING_CONTEXT, routing).addAttribute(REQUEST_CONTEXT, context);
        }
        return builder.build();
    }

    /** The identity provider's key set was (re)loaded: see {@link VerifiedTokens#keysChanged}. */
    void keysChanged() {
        verified.keysChanged();
    }

    /** Empties the cache when the identity provider's key set is (re)loaded, before the new keys are used. */
    @ApplicationScoped
    @OidcEndpoint(OidcEndpoint.Type.JWKS)
    public static class KeySetReloads implements OidcResponseFilter {

        private final CachedBearerTokens cache;

        public KeySetReloads(CachedBearerTokens cache) {
            this.cache = cache;
        }

        @Override
        public void filter(OidcResponseContext response) {
            cache.keysChanged();
        }
    }
}
