package clinic.portal.education;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Looking after your back alongside the exercises: the guide's advice in the clinic's own words. */
@Path("/education")
@Produces(MediaType.TEXT_HTML)
@Authenticated
@Tag(name = "Pages: education")
public class EducationPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance education();
    }

    @GET
    @Operation(summary = "Patient education page")
    public TemplateInstance education() {
        return Templates.education();
    }
}
