package clinic.patient.notify;

import clinic.patient.audit.AuditAction;
import clinic.patient.audit.AuditTrail;
import clinic.patient.outbound.KeycloakAdminClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * A staff login's own e-mail choices (keyed by user name; no row: both kinds on). The address and whether it is
 * verified come from Keycloak, asked outside any transaction.
 */
@ApplicationScoped
public class StaffPreferenceService {

    private final EntityManager em;
    private final Recipients recipients;
    private final KeycloakAdminClient keycloak;
    private final AuditTrail audit;
    private final String clinicZone;

    public StaffPreferenceService(
            EntityManager em,
            Recipients recipients,
            @RestClient KeycloakAdminClient keycloak,
            AuditTrail audit,
            @ConfigProperty(name = "clinic.notify.zone") String clinicZone) {
        this.em = em;
        this.recipients = recipients;
        this.keycloak = keycloak;
        this.audit = audit;
        this.clinicZone = clinicZone;
    }

    public StaffPreferenceView own(String username) {
        StaffPreference pref = QuarkusTransaction.joiningExisting().call(() -> {
            StaffPreference found = em.find(StaffPreference.class, username);
            return found != null ? found : StaffPreference.defaults(username);
        });
        return view(pref);
    }

    /** Replaces the caller's choices, audited ({@code STAFF_NOTIFICATIONS_CHANGED}, no patient). */
    public StaffPreferenceView update(String username, StaffPreferenceInput in) {
        PreferenceRules rules = new PreferenceRules();
        boolean digest = rules.required("dailyDigest", in.dailyDigest());
        boolean weekly = rules.required("weeklySummary", in.weeklySummary());
        String zone = rules.zone("timeZone", in.timeZone());
        String language = rules.language("language", in.language());
        if (Boolean.FALSE.equals(in.urgentAlerts())) {
            rules.refuse("urgentAlerts", "cannot be switched off: an URGENT alert always goes to the care physio");
        }
        rules.check();
        StaffPreference saved = QuarkusTransaction.requiringNew().call(() -> {
            StaffPreference pref = em.find(StaffPreference.class, username);
            boolean created = pref == null;
            if (created) {
                pref = StaffPreference.defaults(username);
            }
            pref.dailyDigest = digest;
            pref.weeklySummary = weekly;
            pref.timeZone = zone;
            pref.language = language;
            pref.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            if (created) {
                em.persist(pref);
            }
            audit.record(AuditAction.STAFF_NOTIFICATIONS_CHANGED, null);
            em.flush();
            return pref;
        });
        return view(saved);
    }

    private StaffPreferenceView view(StaffPreference pref) {
        EmailState state;
        String email;
        try {
            Recipients.Lookup lookup = recipients.staff(pref.username);
            state = EmailState.of(lookup);
            email = lookup.address().map(Recipients.Address::email).orElseGet(() -> address(pref.username));
        } catch (Recipients.DirectoryUnavailable e) {
            state = EmailState.unknown();
            email = null;
        }
        return new StaffPreferenceView(
                email,
                state.verified(),
                state.status(),
                true,
                pref.dailyDigest,
                pref.weeklySummary,
                pref.timeZone != null ? pref.timeZone : clinicZone,
                pref.language != null ? pref.language : "en");
    }

    /** The login's address although not verified (shown so the person knows which one to verify). */
    private String address(String username) {
        try {
            Optional<KeycloakAdminClient.User> user = keycloak.findByUsername(username, true).stream()
                    .filter(u -> username.equalsIgnoreCase(u.username()))
                    .findFirst();
            return user.map(KeycloakAdminClient.User::email)
                    .filter(e -> !e.isBlank())
                    .orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
