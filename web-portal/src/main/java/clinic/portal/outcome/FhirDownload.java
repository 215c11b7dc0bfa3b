package clinic.portal.outcome;

import clinic.portal.common.Calls;
import clinic.portal.common.Notice;
import clinic.portal.common.Outcome;
import clinic.portal.outbound.ProgramServiceClient;
import clinic.portal.outbound.ServiceException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The episode as a FHIR R4 Bundle, passed through from program-service as it came (the service builds and audits it)
 * and offered as a download. A failing service gives a page that says so, never a half file.
 */
@Path("/programs/{id}/fhir")
@Tag(name = "Pages: discharge")
public class FhirDownload {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance failed(Notice notice, long programId);
    }

    private final ProgramServiceClient programs;

    public FhirDownload(@RestClient ProgramServiceClient programs) {
        this.programs = programs;
    }

    @GET
    @RolesAllowed("physio")
    @Produces({"application/fhir+json", MediaType.TEXT_HTML})
    @Operation(summary = "Download the episode as a FHIR R4 Bundle (attachment)")
    public Response download(@PathParam("id") long id) {
        Outcome<String> bundle = Calls.attempt(Calls.PROGRAMS, () -> {
            Response answer = programs.fhir(id);
            if (answer.getStatus() >= 400) {
                throw ServiceException.from(answer);
            }
            return answer.readEntity(String.class);
        });
        if (!bundle.isOk()) {
            Notice notice = bundle.notice();
            if (notice.isNotFound()) {
                throw new NotFoundException();
            }
            return Response.status(notice.unavailable() ? 503 : notice.status())
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.failed(notice, id).render())
                    .build();
        }
        return Response.ok(bundle.value())
                .type("application/fhir+json; charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"program-" + id + "-fhir.json\"")
                .build();
    }
}
