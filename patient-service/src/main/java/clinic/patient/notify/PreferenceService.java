package clinic.patient.notify;

import clinic.kit.problem.DomainException;
import clinic.patient.audit.AuditAction;
import clinic.patient.audit.AuditTrail;
import clinic.patient.registry.Patient;
import clinic.patient.registry.PatientRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A patient's own notification choices, found through the caller's login ({@code accountUsername}) as every {@code
 * /me} endpoint finds the record: a patient reaches only their own. Keycloak is asked whether e-mail can reach them
 * outside any transaction; a change and its audit row commit together.
 */
@ApplicationScoped
public class PreferenceService {

    static final String NO_RECORD = "No patient record is linked to your account.";

    private final PatientRepository patients;
    private final EntityManager em;
    private final Recipients recipients;
    private final AuditTrail audit;
    private final String clinicZone;

    public PreferenceService(
            PatientRepository patients,
            EntityManager em,
            Recipients recipients,
            AuditTrail audit,
            @ConfigProperty(name = "clinic.notify.zone") String clinicZone) {
        this.patients = patients;
        this.em = em;
        this.recipients = recipients;
        this.audit = audit;
        this.clinicZone = clinicZone;
    }

    private record Own(Patient patient, NotificationPreference preference) {}

    /** The caller's choices (the defaults while they have made none). */
    public PreferenceView own(String username) {
        Own own = QuarkusTransaction.joiningExisting().call(() -> {
            Patient p = patient(username);
            NotificationPreference pref = em.find(NotificationPreference.class, p.id);
            return new Own(p, pref != null ? pref : NotificationPreference.defaults(p.id));
        });
        return view(own);
    }

    /**
     * Replaces the caller's choices, audited ({@code NOTIFICATION_PREFS_CHANGED}).
     *
     * @throws DomainException.Refused 422 naming every invalid field
     */
    public PreferenceView update(String username, PreferenceInput in) {
        PreferenceRules rules = new PreferenceRules();
        boolean emailEnabled = rules.required("emailEnabled", in.emailEnabled());
        boolean exerciseReminder = rules.required("exerciseReminder", in.exerciseReminder());
        boolean inactivityNudge = rules.required("inactivityNudge", in.inactivityNudge());
        boolean measureDue = rules.required("measureDue", in.measureDue());
        boolean programUpdate = rules.required("programUpdate", in.programUpdate());
        LocalTime reminderTime = rules.time("reminderTime", in.reminderTime(), true);
        String zone = rules.zone("timeZone", in.timeZone());
        LocalTime[] quiet = rules.quietHours("quietStart", in.quietStart(), "quietEnd", in.quietEnd());
        LocalTime quietStart = quiet == null ? null : quiet[0];
        LocalTime quietEnd = quiet == null ? null : quiet[1];
        String language = rules.language("language", in.language());
        rules.check();

        Own own = QuarkusTransaction.requiringNew().call(() -> {
            Patient p = patient(username);
            NotificationPreference pref = em.find(NotificationPreference.class, p.id);
            boolean created = pref == null;
            if (created) {
                pref = NotificationPreference.defaults(p.id);
            }
            pref.emailEnabled = emailEnabled;
            pref.exerciseReminder = exerciseReminder;
            pref.inactivityNudge = inactivityNudge;
            pref.measureDue = measureDue;
            pref.programUpdate = programUpdate;
            pref.reminderTime = reminderTime;
            pref.timeZone = zone;
            pref.quietStart = quietStart;
            pref.quietEnd = quietEnd;
            pref.language = language;
            pref.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            pref.updatedBy = username;
            if (created) {
                em.persist(pref);
            }
            audit.record(AuditAction.NOTIFICATION_PREFS_CHANGED, p.id);
            // A first save racing another one hits the primary key here, answered as a 409.
            em.flush();
            return new Own(p, pref);
        });
        return view(own);
    }

    private Patient patient(String username) {
        return patients.findByAccount(username).orElseThrow(() -> new DomainException.NotFound(NO_RECORD));
    }

    private PreferenceView view(Own own) {
        EmailState state;
        try {
            state = EmailState.of(recipients.patient(own.patient()));
        } catch (Recipients.DirectoryUnavailable e) {
            state = EmailState.unknown();
        }
        return PreferenceView.of(own.patient().email, state, own.preference(), clinicZone);
    }
}
