package clinic.portal.common;

import clinic.portal.client.ServiceException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every failure inside a page becomes a friendly HTML page with the right status. A patient typing a physio address
 * sees "not allowed" (403); nothing of an exception's class, message or stack ever reaches the browser.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notAllowed();

        static native TemplateInstance notFound();

        static native TemplateInstance signedOut();

        static native TemplateInstance failed(int status, String title, String reference);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return html(403, Templates.notAllowed());
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return html(401, Templates.signedOut());
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return html(401, Templates.signedOut());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return html(404, Templates.notFound());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 404) {
            return notFound(null);
        }
        if (status == 403) {
            return forbidden(null);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = status == 400
                ? "This request could not be understood"
                : known != null ? known.getReasonPhrase() : "Something went wrong";
        return html(status, Templates.failed(status, title, null));
    }

    /**
     * A service refused because the user is not in the patient's care team: the care-team page (403) with who to ask
     * and the break-the-glass form, whatever page asked. Any other service error that reached here is unexpected.
     */
    @ServerExceptionMapper
    public Response service(ServiceException e) {
        if (Calls.isNotInCareTeam(e)) {
            return CareTeamPage.refused(e.problem(), null, null);
        }
        return unexpected(e);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error, reference %s", reference);
        return html(500, Templates.failed(500, "Something went wrong on our side", reference));
    }

    private static Response html(int status, TemplateInstance page) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page.render())
                .build();
    }
}
