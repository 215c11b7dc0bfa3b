package clinic.portal.routine;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Marks the pages a patient may read offline. The service worker ({@code /sw.js}) keeps a copy only of answers that
 * carry {@value #HEADER}, so staff pages, the admin pages, form answers and anyone's pages but a patient's are never
 * stored on a device. The header's value is a hash of the user name: the worker drops copies made for another user
 * (a shared phone) without the name itself ever being stored next to them.
 *
 * <p>The pages stay {@code Cache-Control: no-store} for the browser's HTTP cache; the worker's Cache API copy is the
 * only one, and signing out clears it.
 */
@Singleton
public class OfflineCopies {

    public static final String HEADER = "X-Offline-Cache";

    /** Today's routine, the handout, the log form (so a session can be logged offline) and the back care guide. */
    static final Set<String> PAGES = Set.of("/me/today", "/me/handout", "/me/log", "/education");

    private final SecurityIdentity identity;

    public OfflineCopies(SecurityIdentity identity) {
        this.identity = identity;
    }

    @ServerResponseFilter
    public void mark(ContainerRequestContext request, ContainerResponseContext response) {
        if (!"GET".equals(request.getMethod())
                || response.getStatus() != 200
                || !PAGES.contains(request.getUriInfo().getPath())
                || identity.isAnonymous()
                || !identity.hasRole("patient")) {
            return;
        }
        response.getHeaders().putSingle(HEADER, userKey(identity.getPrincipal().getName()));
    }

    /** A short, stable, one-way key for a user name. */
    static String userKey(String user) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(user.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
