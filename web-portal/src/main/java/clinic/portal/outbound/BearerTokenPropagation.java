package clinic.portal.outbound;

import clinic.portal.i18n.Lang;
import io.quarkus.arc.Arc;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Calls the services as the signed-in user: the services decide what this user may see, so the portal forwards the
 * user's own access token (the token-propagation extension does not resolve for the pinned Quarkus 3.30.6; docs/architecture.md).
 * It also sends the page's language as {@code Accept-Language}, so the clinical texts the services word (exercise
 * texts, advice, pain rules) come back in the language the page is written in.
 */
@ApplicationScoped
public class BearerTokenPropagation implements ClientHeadersFactory {

    private final SecurityIdentity identity;
    private final Supplier<String> language;

    @Inject
    public BearerTokenPropagation(SecurityIdentity identity, Instance<Lang> lang) {
        this(
                identity,
                () -> Arc.container().requestContext().isActive() ? lang.get().getTag() : null);
    }

    /** Without a request language (the services then answer in English). */
    public BearerTokenPropagation(SecurityIdentity identity) {
        this(identity, () -> null);
    }

    BearerTokenPropagation(SecurityIdentity identity, Supplier<String> language) {
        this.identity = identity;
        this.language = language;
    }

    @Override
    public MultivaluedMap<String, String> update(
            MultivaluedMap<String, String> incoming, MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token != null) {
            headers.putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token.getToken());
        }
        String tag = language.get();
        if (tag != null) {
            headers.putSingle(HttpHeaders.ACCEPT_LANGUAGE, tag);
        }
        return headers;
    }
}
