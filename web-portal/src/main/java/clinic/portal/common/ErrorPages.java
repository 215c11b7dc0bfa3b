package clinic.portal.common;

import clinic.portal.i18n.Languages;
import clinic.portal.i18n.Texts;
import clinic.portal.outbound.ServiceException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.AuthenticationRedirectException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
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

    /**
     * The session ended (signed out at Keycloak and told over the back channel, or its refresh failed): the "session
     * ended" page by redirect. Not a page rendered here: this runs on the IO thread before any identity exists, and
     * the layout asking for the user there failed with a 500, which is what replayed cookies used to get.
     */
    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return Response.seeOther(URI.create("/session-expired")).build();
    }

    /**
     * A redirect the login asks for (to Keycloak, or to the "session ended" page after a failed token refresh): never
     * an error page, and never the generic 500 below.
     */
    @ServerExceptionMapper
    public Response authenticationRedirect(AuthenticationRedirectException e) {
        return Response.status(e.getCode())
                .location(URI.create(e.getRedirectUri()))
                .header("Cache-Control", "no-store")
                .build();
    }

    /**
     * The session could not be completed or verified (for example its tokens no longer verify): the session cookie
     * is already removed by then, so the user is sent to the "session ended" page and signs in again.
     */
    @ServerExceptionMapper
    public Response authenticationCompletion(AuthenticationCompletionException e) {
        return Response.seeOther(URI.create("/session-expired")).build();
    }

    /** A state-changing request refused by the CSRF or origin check: the 403 page; nothing was done. */
    public static Response formRefused() {
        return html(403, Templates.failed(403, Texts.msg().err_form_refused(), null));
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
        // HTTP's reason phrases are English: other languages get the general sentence.
        String title = status == 400
                ? Texts.msg().err_bad_request()
                : known != null && Languages.DEFAULT.equals(Texts.tag())
                        ? known.getReasonPhrase()
                        : Texts.msg().err_generic();
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
        return html(500, Templates.failed(500, Texts.msg().err_ours(), reference));
    }

    private static Response html(int status, TemplateInstance page) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page.render())
                .build();
    }
}
