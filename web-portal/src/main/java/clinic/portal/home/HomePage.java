package clinic.portal.home;

import clinic.portal.common.Calls;
import clinic.portal.common.Outcome;
import clinic.portal.i18n.Lang;
import clinic.portal.i18n.LanguagePages;
import clinic.portal.i18n.Languages;
import clinic.portal.outbound.NotificationApi.Preferences;
import clinic.portal.outbound.PatientServiceClient;
import clinic.portal.session.CurrentUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The landing page after login: greets the user and shows what their role can do.
 *
 * <p>A patient who has never chosen a language on this device (no {@code lang} cookie) but chose one on their
 * reminders page gets that language: the page reads the preference once and keeps it in the cookie, so later pages
 * ask nobody. When the service does not answer, or the patient never chose, the browser's language stays (and the
 * next visit to this page asks again).
 */
@Path("/")
@Authenticated
@Tag(name = "Pages")
public class HomePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(String name, boolean physio, boolean patient, boolean admin);
    }

    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    private final CurrentUser user;
    private final Lang lang;
    private final PatientServiceClient patients;

    public HomePage(CurrentUser user, Lang lang, @RestClient PatientServiceClient patients) {
        this.user = user;
        this.lang = lang;
        this.patients = patients;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Start page by role; a patient's chosen language is kept for the next pages")
    public Response home(@CookieParam(Languages.COOKIE) String chosen) {
        TemplateInstance page =
                Templates.home(user.getDisplayName(), user.isPhysio(), user.isPatient(), user.isAdmin());
        if (!user.isPatient() || Languages.isSupported(chosen)) {
            return Response.ok(page, HTML).build();
        }
        Outcome<Preferences> preferences = Calls.attempt(Calls.PATIENTS, patients::myPreferences);
        String preferred = preferences.isOk() && preferences.value() != null
                ? preferences.value().language()
                : null;
        if (!Languages.isSupported(preferred)) {
            return Response.ok(page, HTML).build();
        }
        if (!preferred.equals(lang.getTag())) {
            // This request was already worded in the browser's language: the page again, now in the chosen one.
            return Response.seeOther(URI.create("/"))
                    .cookie(LanguagePages.cookie(preferred))
                    .build();
        }
        return Response.ok(page, HTML).cookie(LanguagePages.cookie(preferred)).build();
    }
}
