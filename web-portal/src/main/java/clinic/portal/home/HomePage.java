package clinic.portal.home;

import io.quarkus.oidc.IdToken;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The landing page after login: greets the user and shows what their role can do. */
@Path("/")
@Authenticated
public class HomePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(String name, boolean physio, boolean patient, boolean admin);
    }

    @Inject
    SecurityIdentity identity;

    @Inject
    @IdToken
    JsonWebToken idToken;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance home() {
        String name = idToken.getClaim("name");
        if (name == null) {
            name = identity.getPrincipal().getName();
        }
        return Templates.home(name, identity.hasRole("physio"), identity.hasRole("patient"), identity.hasRole("admin"));
    }
}
