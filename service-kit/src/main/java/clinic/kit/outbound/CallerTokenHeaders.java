package clinic.kit.outbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Forwards the caller's bearer token on a REST client call, so the service called applies its own rules to the same
 * user: a service holds no credentials of its own for another service's data. Quarkus 3.30.6 has no
 * token-propagation extension that resolves here (docs/architecture.md, "Platform").
 */
@ApplicationScoped
public class CallerTokenHeaders implements ClientHeadersFactory {

    private final Instance<JsonWebToken> token;

    public CallerTokenHeaders(Instance<JsonWebToken> token) {
        this.token = token;
    }

    @Override
    public MultivaluedMap<String, String> update(
            MultivaluedMap<String, String> incomingHeaders, MultivaluedMap<String, String> clientOutgoingHeaders) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        String authorization = incomingHeaders == null ? null : incomingHeaders.getFirst("Authorization");
        if (authorization == null && token.isResolvable()) {
            String raw = token.get().getRawToken();
            if (raw != null) {
                authorization = "Bearer " + raw;
            }
        }
        if (authorization != null) {
            headers.putSingle("Authorization", authorization);
        }
        return headers;
    }
}
