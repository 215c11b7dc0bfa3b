package clinic.portal;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Gives a {@code @TestSecurity} user an access token ("stub-" + user name), so the portal's real
 * {@code BearerTokenPropagation} sends it and {@link StubServices} can answer per user, as the services do. Used only
 * where a test names it in {@code @TestSecurity(augmentors = StubTokens.class)}.
 */
@ApplicationScoped
public class StubTokens implements SecurityIdentityAugmentor {

    public static final String PREFIX = "stub-";

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom()
                .item(QuarkusSecurityIdentity.builder(identity)
                        .addCredential(new AccessTokenCredential(
                                PREFIX + identity.getPrincipal().getName()))
                        .build());
    }
}
