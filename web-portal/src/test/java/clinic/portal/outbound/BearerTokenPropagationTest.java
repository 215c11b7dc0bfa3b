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

    @Test
    void sendsThePagesLanguageSoTheServicesWordClinicalTextsInIt() {
        var identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("patient"))
                .addCredential(new AccessTokenCredential("the-access-token"))
                .build();

        var spanish = new BearerTokenPropagation(identity, () -> "es")
                .update(new MultivaluedHashMap<>(), new MultivaluedHashMap<>());
        var none = new BearerTokenPropagation(identity, () -> null)
                .update(new MultivaluedHashMap<>(), new MultivaluedHashMap<>());

        assertThat(spanish.getFirst("Accept-Language")).isEqualTo("es");
        assertThat(none.containsKey("Accept-Language")).isFalse();
    }
}
