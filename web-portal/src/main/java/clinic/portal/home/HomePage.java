package clinic.portal.home;

import clinic.portal.session.CurrentUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The landing page after login: greets the user and shows what their role can do. */
@Path("/")
@Authenticated
@Tag(name = "Pages")
public class HomePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(String name, boolean physio, boolean patient, boolean admin);
    }

    private final CurrentUser user;

    public HomePage(CurrentUser user) {
        this.user = user;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Start page by role")
    public TemplateInstance home() {
        return Templates.home(user.getDisplayName(), user.isPhysio(), user.isPatient(), user.isAdmin());
    }
}
