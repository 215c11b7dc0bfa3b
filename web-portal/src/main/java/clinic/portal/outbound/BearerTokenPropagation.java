package clinic.portal.outbound;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Calls the services as the signed-in user: the services decide what this user may see, so the portal forwards the
 * user's own access token (the token-propagation extension does not resolve for the pinned Quarkus 3.30.6; docs/architecture.md).
 */
@ApplicationScoped
public class BearerTokenPropagation implements ClientHeadersFactory {

    private final SecurityIdentity identity;

    public BearerTokenPropagation(SecurityIdentity identity) {
        this.identity = identity;
    }

    @Override
    public MultivaluedMap<String, String> update(
            MultivaluedMap<String, String> incoming, MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token != null) {
            headers.putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token.getToken());
        }
        return headers;
    }
}
