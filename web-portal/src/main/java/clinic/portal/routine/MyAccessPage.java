package clinic.portal.routine;

import clinic.portal.common.AuditMerge;
import clinic.portal.common.Calls;
import clinic.portal.common.Notice;
import clinic.portal.common.Outcome;
import clinic.portal.outbound.AuditApi.Entry;
import clinic.portal.outbound.PatientServiceClient;
import clinic.portal.outbound.ProgramServiceClient;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * "Who accessed my record": a patient sees which staff (role and user name) looked at or changed their record and
 * program, when, and the reason of an emergency access, from both services' {@code GET /api/audit/me}.
 */
@Path("/me/access")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Pages: patient")
public class MyAccessPage {

    /** What staff did, in the patient's words; an unknown action falls back to its words in lower case. */
    static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("PATIENT_READ", "viewed your record"),
            Map.entry("PATIENT_LISTED", "saw you in a list of patients"),
            Map.entry("PATIENT_CREATED", "registered you as a patient"),
            Map.entry("PATIENT_UPDATED", "changed your details"),
            Map.entry("ACCOUNT_PROVISIONED", "set up your login"),
            Map.entry("ACCOUNT_RESET", "reset your login"),
            Map.entry("ACCOUNT_INVITED", "sent you an invitation to set up your login"),
            Map.entry("SCREENINGS_READ", "viewed your screenings"),
            Map.entry("SCREENING_CREATED", "recorded a screening"),
            Map.entry("CLEARANCE_READ", "checked whether you are cleared for exercise"),
            Map.entry("BREAK_GLASS", "opened your record in an emergency (outside your care team)"),
            Map.entry("CARE_TEAM_CHANGED", "changed your care team"),
            Map.entry("ACCESS_GRANTS_READ", "viewed who opened your record"),
            Map.entry("PROGRAM_READ", "viewed your program"),
            Map.entry("PROGRAM_LIST", "viewed your programs"),
            Map.entry("PROGRAM_ASSIGNED", "gave you an exercise program"),
            Map.entry("PROGRAM_REVISED", "changed your exercise program"),
            Map.entry("PROGRAM_PHASE_CHANGED", "moved your program to another phase"),
            Map.entry("PROGRAM_HELD", "paused your program"),
            Map.entry("PROGRAM_RESUMED", "restarted your program"),
            Map.entry("TEMPLATE_CREATED", "saved your program's exercises and dosages as a plan template"),
            Map.entry("SESSIONS_READ", "viewed your session logs"),
            Map.entry("PROGRESS_READ", "viewed your progress"),
            Map.entry("ALERTS_READ", "viewed alerts about you"),
            Map.entry("ALERTS_LISTED", "saw alerts about you in a list"),
            Map.entry("ALERT_ACKNOWLEDGED", "dealt with an alert about you"),
            Map.entry("NOTIFICATION_PREFS_CHANGED", "changed your e-mail reminders"),
            Map.entry("NOTIFICATION_UNSUBSCRIBED", "stopped one kind of e-mail (the link in an e-mail)"),
            Map.entry("NOTIFICATIONS_LISTED", "saw e-mails to you in the clinic's e-mail log"),
            Map.entry("NOTICE_STATUS_READ", "checked your program to decide on an e-mail reminder"),
            Map.entry("NOTICES_READ", "read a change to your program to e-mail you about it"));

    /** One line of the page. */
    public record Access(String at, String who, String what, boolean refused, String reason) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance access(List<Access> accesses, List<Notice> notices);
    }

    private final PatientServiceClient patients;
    private final ProgramServiceClient programs;

    public MyAccessPage(@RestClient PatientServiceClient patients, @RestClient ProgramServiceClient programs) {
        this.patients = patients;
        this.programs = programs;
    }

    @GET
    @RolesAllowed("patient")
    @Operation(summary = "Who accessed my record: staff reads and changes of the patient's own data, newest first")
    public TemplateInstance access() {
        Outcome<List<Entry>> record = Calls.attempt(Calls.PATIENTS, patients::myAudit);
        Outcome<List<Entry>> program = Calls.attempt(Calls.PROGRAMS, programs::myAudit);
        List<Notice> notices = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        for (Outcome<List<Entry>> part : List.of(record, program)) {
            if (part.isOk()) {
                if (part.value() != null) {
                    entries.addAll(part.value());
                }
            } else {
                notices.add(part.notice());
            }
        }
        List<Access> lines =
                AuditMerge.newestFirst(entries).stream().map(MyAccessPage::line).toList();
        return Templates.access(lines, notices);
    }

    static Access line(Entry e) {
        boolean refused = "REFUSED".equals(e.outcome());
        return new Access(e.at(), who(e.role(), e.user()), what(e.action()), refused, e.reason());
    }

    static String who(String role, String user) {
        String name = user == null || user.isBlank() ? "" : " " + user;
        if (role == null) {
            return ("Staff" + name).strip();
        }
        return switch (role) {
            case "physio" -> "Physiotherapist" + name;
            case "admin" -> "Clinic admin" + name;
            default -> ("Staff" + name).strip();
        };
    }

    static String what(String action) {
        if (action == null || action.isBlank()) {
            return "looked at your record";
        }
        String words = WORDS.get(action);
        return words != null ? words : action.replace('_', ' ').toLowerCase(Locale.ROOT);
    }
}
