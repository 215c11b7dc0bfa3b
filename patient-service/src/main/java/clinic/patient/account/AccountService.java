package clinic.patient.account;

import clinic.kit.problem.DomainException;
import clinic.patient.access.CareTeamAccess;
import clinic.patient.audit.AuditAction;
import clinic.patient.audit.AuditTrail;
import clinic.patient.registry.AccountState;
import clinic.patient.registry.Patient;
import clinic.patient.registry.PatientRegistered;
import clinic.patient.registry.PatientRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.WebApplicationException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Patient logins, set up by invitation: the login is made without any password and Keycloak e-mails the patient a
 * link to choose one and verify the address. Keycloak is called outside any database transaction (a slow Keycloak
 * must not hold row locks); the patient row is updated afterwards in its own short transaction, with its audit event.
 */
@ApplicationScoped
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class);

    private final PatientRepository patients;
    private final CareTeamAccess access;
    private final KeycloakAccounts keycloak;
    private final AuditTrail audit;

    public AccountService(
            PatientRepository patients, CareTeamAccess access, KeycloakAccounts keycloak, AuditTrail audit) {
        this.patients = patients;
        this.access = access;
        this.keycloak = keycloak;
        this.audit = audit;
    }

    /**
     * A patient with an e-mail was just registered (and committed, so a Keycloak outage never loses the record): try
     * at once to make the login and send the invitation. Runs before the registration answers, outside any
     * transaction.
     */
    void onRegistered(@Observes PatientRegistered registered) {
        tryProvision(registered.patientId());
    }

    /**
     * Tries once to create or link the login of a PENDING patient and, unless the linked login has a password
     * already, to have the invitation sent. A Keycloak failure (including a failed e-mail) is logged without
     * personal data and leaves the patient PENDING for {@link AccountRetryJob}; the next try links the login made
     * this time instead of duplicating it.
     */
    public void tryProvision(long patientId) {
        Optional<Pending> pending = pending(patientId);
        if (pending.isEmpty()) {
            return;
        }
        try {
            KeycloakAccounts.Login login = keycloak.ensure(
                    pending.get().email(),
                    pending.get().givenName(),
                    pending.get().familyName());
            if (login.hasPassword()) {
                QuarkusTransaction.requiringNew()
                        .run(() -> mark(
                                patientId, AccountState.ACTIVE, login.username(), AuditAction.ACCOUNT_PROVISIONED));
                return;
            }
            keycloak.invite(login);
            QuarkusTransaction.requiringNew()
                    .run(() -> mark(patientId, AccountState.INVITED, login.username(), AuditAction.ACCOUNT_INVITED));
        } catch (RuntimeException e) {
            logFailure(patientId, e);
        }
    }

    /**
     * Invites the patient (again): makes the login if there is none yet, then has Keycloak e-mail the link to set a
     * password and verify the address. For a login that has a password already the same link resets it.
     *
     * @throws DomainException.NotFound if there is no such patient
     * @throws DomainException.NotInCareTeam if the caller may not access the patient
     * @throws DomainException.Refused if the patient has no e-mail
     * @throws DomainException.Conflict if the e-mail or linked login belongs to staff
     * @throws DomainException.Unavailable if Keycloak is unavailable or could not send the e-mail
     */
    public AccountView invite(long patientId) {
        access.require(patientId, AuditAction.ACCOUNT_INVITED);
        Patient before = QuarkusTransaction.requiringNew().call(() -> patients.findByIdOptional(patientId)
                .orElseThrow(() -> new DomainException.NotFound("There is no patient " + patientId + ".")));
        if (before.email == null) {
            throw new DomainException.Refused(
                    "No e-mail address", "The invitation is sent by e-mail: add an e-mail address first.", Map.of());
        }
        if (before.account == AccountState.ACTIVE) {
            // Re-inviting an active login would e-mail a password reset nobody asked for; nothing is sent or changed.
            throw new DomainException.Conflict("This patient already has an active login; no invitation was sent.");
        }
        try {
            Optional<KeycloakAccounts.Login> linked =
                    before.accountUsername == null ? Optional.empty() : keycloak.byUsername(before.accountUsername);
            KeycloakAccounts.Login login = linked.isPresent()
                    ? linked.get()
                    : keycloak.ensure(before.email, before.givenName, before.familyName);
            keycloak.invite(login);
            AccountState state = login.hasPassword() ? AccountState.ACTIVE : AccountState.INVITED;
            return QuarkusTransaction.requiringNew().call(() -> {
                Patient p = mark(patientId, state, login.username(), AuditAction.ACCOUNT_INVITED);
                return AccountView.of(p);
            });
        } catch (KeycloakAccounts.StaffLoginRefused e) {
            throw new DomainException.Conflict(
                    "This e-mail belongs to a staff login; a patient cannot be linked to it.");
        } catch (DomainException.NotFound | DomainException.Conflict e) {
            throw e;
        } catch (RuntimeException e) {
            logFailure(patientId, e);
            throw new DomainException.Unavailable(
                    "The login service could not send the invitation; try again shortly.", e);
        }
    }

    private record Pending(String email, String givenName, String familyName) {}

    private Optional<Pending> pending(long patientId) {
        return QuarkusTransaction.requiringNew().call(() -> patients.findByIdOptional(patientId)
                .filter(p -> p.account == AccountState.PENDING && p.email != null)
                .map(p -> new Pending(p.email, p.givenName, p.familyName)));
    }

    private Patient mark(long patientId, AccountState state, String username, AuditAction action) {
        Patient p = patients.findById(patientId);
        p.account = state;
        p.accountUsername = username;
        p.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        audit.record(action, patientId);
        return p;
    }

    private static void logFailure(long patientId, RuntimeException e) {
        // Messages of REST client errors can carry the e-mail in a URL: log only the kind of failure.
        String detail = e instanceof WebApplicationException w
                ? "HTTP " + w.getResponse().getStatus()
                : e.getClass().getSimpleName();
        LOG.warnf("Login of patient %d not set up or invited yet (%s)", patientId, detail);
    }
}
