package clinic.portal.routine;

import clinic.portal.common.AuditMerge;
import clinic.portal.common.Calls;
import clinic.portal.common.Notice;
import clinic.portal.common.Outcome;
import clinic.portal.i18n.Account;
import clinic.portal.i18n.Texts;
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
import java.util.function.Function;
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
    static final Map<String, Function<Account, String>> WORDS = Map.ofEntries(
            Map.entry("PATIENT_READ", Account::access_a_patient_read),
            Map.entry("PATIENT_LISTED", Account::access_a_patient_listed),
            Map.entry("PATIENT_CREATED", Account::access_a_patient_created),
            Map.entry("PATIENT_UPDATED", Account::access_a_patient_updated),
            Map.entry("ACCOUNT_PROVISIONED", Account::access_a_account_provisioned),
            Map.entry("ACCOUNT_RESET", Account::access_a_account_reset),
            Map.entry("ACCOUNT_INVITED", Account::access_a_account_invited),
            Map.entry("SCREENINGS_READ", Account::access_a_screenings_read),
            Map.entry("SCREENING_CREATED", Account::access_a_screening_created),
            Map.entry("CLEARANCE_READ", Account::access_a_clearance_read),
            Map.entry("BREAK_GLASS", Account::access_a_break_glass),
            Map.entry("CARE_TEAM_CHANGED", Account::access_a_care_team_changed),
            Map.entry("ACCESS_GRANTS_READ", Account::access_a_access_grants_read),
            Map.entry("PROGRAM_READ", Account::access_a_program_read),
            Map.entry("PROGRAM_LIST", Account::access_a_program_list),
            Map.entry("PROGRAM_ASSIGNED", Account::access_a_program_assigned),
            Map.entry("PROGRAM_REVISED", Account::access_a_program_revised),
            Map.entry("PROGRAM_PHASE_CHANGED", Account::access_a_program_phase_changed),
            Map.entry("PROGRAM_HELD", Account::access_a_program_held),
            Map.entry("PROGRAM_RESUMED", Account::access_a_program_resumed),
            Map.entry("TEMPLATE_CREATED", Account::access_a_template_created),
            Map.entry("SESSIONS_READ", Account::access_a_sessions_read),
            Map.entry("PROGRESS_READ", Account::access_a_progress_read),
            Map.entry("ALERTS_READ", Account::access_a_alerts_read),
            Map.entry("ALERTS_LISTED", Account::access_a_alerts_listed),
            Map.entry("ALERT_ACKNOWLEDGED", Account::access_a_alert_acknowledged),
            Map.entry("NOTIFICATION_PREFS_CHANGED", Account::access_a_notification_prefs_changed),
            Map.entry("NOTIFICATION_UNSUBSCRIBED", Account::access_a_notification_unsubscribed),
            Map.entry("NOTIFICATIONS_LISTED", Account::access_a_notifications_listed),
            Map.entry("NOTICE_STATUS_READ", Account::access_a_notice_status_read),
            Map.entry("NOTICES_READ", Account::access_a_notices_read));

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
        Account words = Texts.bundle(Account.class);
        if (role == null) {
            return (words.access_staff() + name).strip();
        }
        return switch (role) {
            case "physio" -> words.access_physio() + name;
            case "admin" -> words.access_admin() + name;
            default -> (words.access_staff() + name).strip();
        };
    }

    static String what(String action) {
        Account words = Texts.bundle(Account.class);
        if (action == null || action.isBlank()) {
            return words.access_looked();
        }
        Function<Account, String> said = WORDS.get(action);
        return said != null ? said.apply(words) : action.replace('_', ' ').toLowerCase(Locale.ROOT);
    }
}
