package clinic.portal.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.ws.rs.core.MultivaluedHashMap;
import org.junit.jupiter.api.Test;

class BearerTokenPropagationTest {

    @Test
    void forwardsTheSignedInUsersAccessToken() {
        var identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("physio"))
                .addCredential(new AccessTokenCredential("the-access-token"))
                .build();

        var headers =
                new BearerTokenPropagation(identity).update(new MultivaluedHashMap<>(), new MultivaluedHashMap<>());

        assertThat(headers.getFirst("Authorization")).isEqualTo("Bearer the-access-token");
    }

    @Test
    void sendsNoAuthorizationWithoutAToken() {
        var identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("physio"))
                .build();

        var headers =
                new BearerTokenPropagation(identity).update(new MultivaluedHashMap<>(), new MultivaluedHashMap<>());

        assertThat(headers.containsKey("Authorization")).isFalse();
    }
}
