package clinic.patient.account;

import clinic.patient.audit.AuditAction;
import clinic.patient.audit.AuditTrail;
import clinic.patient.common.ConflictProblem;
import clinic.patient.common.DependencyDown;
import clinic.patient.common.NotFoundProblem;
import clinic.patient.patient.AccountState;
import clinic.patient.patient.FirstLogin;
import clinic.patient.patient.NewPatient;
import clinic.patient.patient.Patient;
import clinic.patient.patient.PatientRepository;
import clinic.patient.patient.PatientService;
import clinic.patient.patient.PatientView;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Provisions patient logins. Keycloak is called outside any database transaction (a slow Keycloak must not hold row
 * locks); the patient row is updated afterwards in its own short transaction, with its audit event.
 */
@ApplicationScoped
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class);

    private final PatientRepository patients;
    private final PatientService register;
    private final KeycloakAccounts keycloak;
    private final AuditTrail audit;

    public AccountService(
            PatientRepository patients, PatientService register, KeycloakAccounts keycloak, AuditTrail audit) {
        this.patients = patients;
        this.register = register;
        this.keycloak = keycloak;
        this.audit = audit;
    }

    /**
     * Registers a patient (committed first, so a Keycloak outage never loses the record) and, when it has an
     * e-mail, tries to provision the login at once.
     *
     * @return the record, with {@code firstLogin} when a new login was created
     */
    public PatientView registerWithLogin(NewPatient input, String caller) {
        PatientView created = register.register(input, caller);
        if (created.account() != AccountState.PENDING) {
            return created;
        }
        Optional<FirstLogin> login = tryProvision(created.id());
        PatientView now = QuarkusTransaction.requiringNew().call(() -> PatientView.of(patients.findById(created.id())));
        return login.map(now::withFirstLogin).orElse(now);
    }

    /**
     * Tries once to create or link the login of a PENDING patient. A Keycloak failure is logged (without personal
     * data) and leaves the patient PENDING for {@link AccountRetryJob}.
     *
     * @return the first-login details when a new login was created; empty when an existing one was linked, the
     *     patient is not PENDING, or Keycloak failed
     */
    public Optional<FirstLogin> tryProvision(long patientId) {
        Optional<Pending> pending = pending(patientId);
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        try {
            KeycloakAccounts.Login login = keycloak.ensure(
                    pending.get().email(),
                    pending.get().givenName(),
                    pending.get().familyName());
            markActive(patientId, login.username(), AuditAction.ACCOUNT_PROVISIONED);
            return Optional.ofNullable(login.firstLogin());
        } catch (RuntimeException e) {
            logFailure(patientId, e);
            return Optional.empty();
        }
    }

    /**
     * New first-login details for a patient, shown once: creates or links the login if it is still PENDING, then (for
     * a login that existed already) sets a new temporary password.
     *
     * @throws NotFoundProblem if there is no such patient
     * @throws ConflictProblem if the patient has no e-mail or the e-mail belongs to staff
     * @throws DependencyDown if Keycloak is unavailable
     */
    public PatientView freshFirstLogin(long patientId) {
        Patient before = QuarkusTransaction.requiringNew().call(() -> patients.findByIdOptional(patientId)
                .orElseThrow(() -> new NotFoundProblem("There is no patient " + patientId + ".")));
        if (before.email == null) {
            throw new ConflictProblem("The patient has no e-mail, so no login can be made; add one first.");
        }
        try {
            FirstLogin login;
            String username;
            if (before.account == AccountState.ACTIVE && before.accountUsername != null) {
                username = before.accountUsername;
                login = keycloak.resetTemporaryPassword(username)
                        .orElseGet(() -> keycloak.ensure(before.email, before.givenName, before.familyName)
                                .firstLogin());
            } else {
                KeycloakAccounts.Login created = keycloak.ensure(before.email, before.givenName, before.familyName);
                username = created.username();
                login = created.firstLogin();
            }
            if (login == null) {
                // Linked to a login that existed already: its owner's password is unknown here, so issue a new one.
                login = keycloak.resetTemporaryPassword(username)
                        .orElseThrow(() -> new IllegalStateException("linked login vanished"));
            }
            FirstLogin shown = login;
            return QuarkusTransaction.requiringNew().call(() -> {
                Patient p = markActive(patientId, shown.username(), AuditAction.ACCOUNT_RESET);
                return PatientView.of(p).withFirstLogin(shown);
            });
        } catch (KeycloakAccounts.StaffLoginRefused e) {
            throw new ConflictProblem("This e-mail belongs to a staff login; a patient cannot be linked to it.");
        } catch (NotFoundProblem | ConflictProblem e) {
            throw e;
        } catch (RuntimeException e) {
            logFailure(patientId, e);
            throw new DependencyDown("The login service is unavailable; try again shortly.", e);
        }
    }

    private record Pending(String email, String givenName, String familyName) {}

    private Optional<Pending> pending(long patientId) {
        return QuarkusTransaction.requiringNew().call(() -> patients.findByIdOptional(patientId)
                .filter(p -> p.account == AccountState.PENDING && p.email != null)
                .map(p -> new Pending(p.email, p.givenName, p.familyName)));
    }

    private Patient markActive(long patientId, String username, AuditAction action) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Patient p = patients.findById(patientId);
            p.account = AccountState.ACTIVE;
            p.accountUsername = username;
            p.updatedAt = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            audit.record(action, patientId);
            return p;
        });
    }

    private static void logFailure(long patientId, RuntimeException e) {
        // Messages of REST client errors can carry the e-mail in a URL: log only the kind of failure.
        String detail = e instanceof WebApplicationException w
                ? "HTTP " + w.getResponse().getStatus()
                : e.getClass().getSimpleName();
        LOG.warnf("Login for patient %d not provisioned yet (%s); it stays PENDING", patientId, detail);
    }
}
