package clinic.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Makes the service under test verify bearer tokens with the test key instead of Keycloak's published keys.
 * Issuer and audience checks stay on; the audience is configured by the service itself.
 */
public class TestOidcResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.oidc.public-key",
                TestTokens.publicKeyBase64(),
                "quarkus.oidc.token.issuer",
                TestTokens.ISSUER);
    }

    @Override
    public void stop() {}
}
