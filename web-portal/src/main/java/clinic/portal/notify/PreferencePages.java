package clinic.portal.notify;

import clinic.portal.common.Calls;
import clinic.portal.common.Notice;
import clinic.portal.common.Outcome;
import clinic.portal.i18n.Account;
import clinic.portal.i18n.LanguagePages;
import clinic.portal.i18n.Languages;
import clinic.portal.i18n.Texts;
import clinic.portal.outbound.NotificationApi.Preferences;
import clinic.portal.outbound.NotificationApi.PreferencesChange;
import clinic.portal.outbound.PatientServiceClient;
import clinic.portal.outbound.ProblemBody.Violation;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * "Reminders": the patient's own e-mail preferences (patient-service {@code /api/me/preferences}): e-mail on or off,
 * each kind with a plain sentence, the reminder time, time zone, quiet hours and language, and the address with
 * whether it is verified. Phone width first. patient-service finds the patient from the login, never from the form.
 */
@Path("/me/preferences")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("patient")
@Tag(name = "Pages: patient")
public class PreferencePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance preferences(
                PreferenceForm form,
                EmailAddress address,
                List<Zones.Zone> zones,
                Notice notice,
                Notice loadNotice,
                boolean saved);
    }

    private final PatientServiceClient patients;

    public PreferencePages(@RestClient PatientServiceClient patients) {
        this.patients = patients;
    }

    @GET
    @Operation(summary = "My e-mail reminders: what I get, when, and to which address")
    public TemplateInstance show(@QueryParam("saved") String saved) {
        Outcome<Preferences> current = Calls.attempt(Calls.PATIENTS, patients::myPreferences);
        if (!current.isOk() || current.value() == null) {
            return Templates.preferences(null, null, List.of(), null, loadNotice(current), false);
        }
        Preferences p = current.value();
        PreferenceForm form = PreferenceForm.of(p);
        return Templates.preferences(
                form, address(p), Zones.choices(form.timeZone), null, null, saved != null && !saved.isBlank());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Save my e-mail reminders; a refused field comes back inline with everything typed kept")
    public Response save(@BeanParam PreferenceForm form) {
        List<Violation> violations = new ArrayList<>();
        PreferencesChange change = form.toChange(violations);
        if (change == null) {
            return again(form, Notice.of(message(violations), violations));
        }
        Outcome<Preferences> saved = Calls.attempt(Calls.PATIENTS, () -> patients.savePreferences(change));
        if (saved.isOk()) {
            // The language chosen here is the portal's too: the page comes back in it, and so does every later page on
            // this device (the lang cookie, as the switcher sets it).
            Response.ResponseBuilder answer = Response.seeOther(URI.create("/me/preferences?saved=1"));
            if (Languages.isSupported(change.language())) {
                answer.cookie(LanguagePages.cookie(change.language()));
            }
            return answer.build();
        }
        Notice notice = saved.notice();
        if (!notice.violations().isEmpty() && (notice.status() == 400 || notice.status() == 422)) {
            List<Violation> inline = notice.violations().stream()
                    .map(v -> new Violation(v.field(), plain(v.message())))
                    .toList();
            notice = Notice.of(message(inline), inline);
        }
        return again(form, notice);
    }

    /** The form again with what was typed and why it was not saved; the address as patient-service has it now. */
    private Response again(PreferenceForm form, Notice notice) {
        Outcome<Preferences> current = Calls.attempt(Calls.PATIENTS, patients::myPreferences);
        EmailAddress address = current.isOk() && current.value() != null ? address(current.value()) : null;
        return Response.ok(Templates.preferences(form, address, Zones.choices(form.timeZone), notice, null, false))
                .build();
    }

    private static String message(List<Violation> violations) {
        return violations.size() == 1
                ? Texts.bundle(Account.class).pref_err_one()
                : Texts.bundle(Account.class).pref_err_many(violations.size());
    }

    /**
     * patient-service's message for a field, in the form's words: it names other fields by their JSON names ("is
     * required when quietStart is set") and times as HH:mm; shown as a sentence under the field's label.
     */
    static String plain(String message) {
        if (message == null) {
            return "is not valid";
        }
        String words = message.strip()
                .replace("quietStart", "“Quiet from”")
                .replace("quietEnd", "“Quiet until”")
                .replace("reminderTime", "“Reminder time”")
                .replace("timeZone", "“Time zone”")
                .replace("HH:mm", "hours:minutes");
        // Shown under the field's label as a sentence of its own.
        return words.isEmpty() ? "is not valid" : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static EmailAddress address(Preferences p) {
        return EmailAddress.of(p.email(), p.emailVerified(), p.emailStatus());
    }

    private static Notice loadNotice(Outcome<Preferences> current) {
        return current.isOk() ? Notice.unreachable(Calls.PATIENTS) : current.notice();
    }
}
