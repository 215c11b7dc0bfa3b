package clinic.patient.registry;

import clinic.kit.problem.DomainException;
import clinic.kit.web.PageRequest;
import clinic.patient.access.CareTeamAccess;
import clinic.patient.access.PhysioDirectory;
import clinic.patient.audit.AuditAction;
import clinic.patient.audit.AuditTrail;
import clinic.patient.registry.PatientRepository.PatientSearch;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The patient register. Every staff read and every change writes an audit event in the same transaction, so a change
 * without its audit row cannot be committed.
 */
@ApplicationScoped
public class PatientService {

    static final String CARE_TEAM_ELSEWHERE = "is changed with PUT /api/patients/{id}/care-team, not with the record";

    private final PatientRepository patients;
    private final AuditTrail audit;
    private final CareTeamAccess access;
    private final PhysioDirectory physios;
    private final Event<PatientRegistered> registered;

    public PatientService(
            PatientRepository patients,
            AuditTrail audit,
            CareTeamAccess access,
            PhysioDirectory physios,
            Event<PatientRegistered> registered) {
        this.patients = patients;
        this.audit = audit;
        this.access = access;
        this.physios = physios;
        this.registered = registered;
    }

    /**
     * Registers a patient for {@code caller}, who becomes the care physio unless the payload names one. Named physios
     * must be physios in Keycloak (asked first, outside any transaction). The record is committed on its own, so a
     * Keycloak outage never loses it; then, for a record with an e-mail (account PENDING), {@link PatientRegistered}
     * is announced, and the account feature makes the login and sends the invitation before this returns.
     *
     * @return the record as it is after that (INVITED, ACTIVE for a linked login, or still PENDING)
     * @throws DomainException.Invalid if a named care physio or team member is not a physio
     * @throws DomainException.Unavailable if Keycloak cannot be asked about a named physio
     * @throws DomainException.Conflict if an ACTIVE patient already has that e-mail
     */
    public PatientView register(NewPatient input, String caller) {
        // Named physios must exist in Keycloak with role physio (the caller is one: their token says so).
        Set<String> named = new LinkedHashSet<>();
        if (input.carePhysio() != null) {
            named.add(input.carePhysio());
        }
        if (input.careTeam() != null) {
            named.addAll(input.careTeam());
        }
        named.remove(caller);
        physios.requirePhysios(
                input.carePhysio() != null && !input.carePhysio().equals(caller) ? "carePhysio" : "careTeam", named);
        PatientView created = QuarkusTransaction.requiringNew().call(() -> store(input, caller));
        if (created.account() != AccountState.PENDING) {
            return created;
        }
        registered.fire(new PatientRegistered(created.id()));
        return QuarkusTransaction.requiringNew().call(() -> PatientView.of(patients.findById(created.id())));
    }

    /** The new record, with an account PENDING until a login is provisioned when it has an e-mail, else NONE. */
    private PatientView store(NewPatient input, String carePhysioDefault) {
        String email = normalEmail(input.email());
        if (email != null && patients.activeEmailTaken(email, null)) {
            throw duplicateEmail();
        }
        Instant now = now();
        Patient p = new Patient();
        p.clinicNumber = String.format(Locale.ROOT, "PT-%06d", patients.nextClinicNumber());
        p.givenName = input.givenName().strip();
        p.familyName = input.familyName().strip();
        p.dateOfBirth = input.dateOfBirth();
        p.sex = input.sex();
        p.email = email;
        p.phone = blankToNull(input.phone());
        p.condition = blankToNull(input.condition());
        p.referralSource = blankToNull(input.referralSource());
        p.consentDate = input.consentDate();
        p.status = PatientStatus.ACTIVE;
        p.carePhysio = input.carePhysio() != null ? input.carePhysio() : carePhysioDefault;
        if (input.careTeam() != null) {
            p.careTeam.addAll(input.careTeam());
            p.careTeam.remove(p.carePhysio);
        }
        p.account = email == null ? AccountState.NONE : AccountState.PENDING;
        p.createdAt = now;
        p.updatedAt = now;
        persistChecked(p);
        audit.record(AuditAction.PATIENT_CREATED, p.id);
        return PatientView.of(p);
    }

    /**
     * Replaces the editable fields of a record.
     *
     * @throws DomainException.NotFound if there is no such patient
     * @throws clinic.patient.access.NotInCareTeam if the caller may not access the patient
     * @throws DomainException.Invalid if the care physio or team would change (that is {@code PUT .../care-team})
     * @throws DomainException.Conflict if {@code version} is stale or the e-mail belongs to another ACTIVE patient
     */
    @Transactional
    public PatientView update(long id, PatientUpdate input) {
        access.require(id, AuditAction.PATIENT_UPDATED);
        Patient p = patients.findById(id);
        if (input.carePhysio() != null && !input.carePhysio().equals(p.carePhysio)) {
            throw new DomainException.Invalid("carePhysio", CARE_TEAM_ELSEWHERE);
        }
        if (input.careTeam() != null && !Set.copyOf(input.careTeam()).equals(p.careTeam)) {
            throw new DomainException.Invalid("careTeam", CARE_TEAM_ELSEWHERE);
        }
        if (p.version != input.version()) {
            throw new DomainException.Conflict("The record was changed by someone else; reload it and try again.");
        }
        String email = normalEmail(input.email());
        if (email != null && input.status() == PatientStatus.ACTIVE && patients.activeEmailTaken(email, p.id)) {
            throw duplicateEmail();
        }
        boolean hasLogin = p.account == AccountState.ACTIVE || p.account == AccountState.INVITED;
        if (hasLogin && email != null && !email.equals(p.email)) {
            // The login is keyed on the e-mail it was created with; changing it here would silently orphan it.
            throw new DomainException.Conflict("The e-mail of a patient with an active login cannot be changed here.");
        }
        p.givenName = input.givenName().strip();
        p.familyName = input.familyName().strip();
        p.dateOfBirth = input.dateOfBirth();
        p.sex = input.sex();
        p.email = email;
        p.phone = blankToNull(input.phone());
        p.condition = blankToNull(input.condition());
        p.referralSource = blankToNull(input.referralSource());
        p.consentDate = input.consentDate();
        p.status = input.status();
        if (email == null && p.account == AccountState.PENDING) {
            p.account = AccountState.NONE;
        } else if (email != null && p.account == AccountState.NONE) {
            p.account = AccountState.PENDING;
        }
        p.updatedAt = now();
        persistChecked(p);
        audit.record(AuditAction.PATIENT_UPDATED, p.id);
        return PatientView.of(p);
    }

    /**
     * One record, for staff with access to it ({@link CareTeamAccess}); audited. No transaction: the access check
     * reads the record with its care team (one statement; the record then comes from the session), and the audit row
     * is one INSERT in autocommit, written before the answer is built; a read whose row cannot be written fails.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public PatientView read(long id) {
        access.require(id, AuditAction.PATIENT_READ);
        Patient p = patients.findById(id);
        audit.recordRead(AuditAction.PATIENT_READ, p.id);
        return PatientView.of(p);
    }

    /**
     * A page of the register, for staff; every patient shown is audited as PATIENT_LISTED (one row each, one
     * insert in autocommit before the answer is built; no transaction: nothing else is written). {@code summaries}:
     * only the fields of {@link PatientSummary} are shown.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public PatientPage list(PatientSearch search, PageRequest page, boolean summaries) {
        PatientRepository.SearchResult result = patients.search(search, page.page(), page.size());
        audit.recordEachRead(
                AuditAction.PATIENT_LISTED,
                result.items().stream().map(p -> p.id).toList());
        List<?> items = summaries
                ? result.items().stream().map(PatientSummary::of).toList()
                : result.items().stream().map(PatientView::of).toList();
        return new PatientPage(items, page.page(), page.size(), result.total());
    }

    /** The record linked to a patient's own login. */
    @Transactional
    public PatientView own(String accountUsername) {
        return patients.findByAccount(accountUsername)
                .map(PatientView::of)
                .orElseThrow(() -> new DomainException.NotFound("No patient record is linked to your account."));
    }

    private void persistChecked(Patient p) {
        try {
            patients.persist(p);
            // Flush here so a unique-key race is reported as a conflict by this method, not at commit as a 500.
            patients.flush();
        } catch (PersistenceException e) {
            if (e.getCause() instanceof org.hibernate.exception.ConstraintViolationException
                    || e instanceof org.hibernate.exception.ConstraintViolationException) {
                throw duplicateEmail();
            }
            throw e;
        }
    }

    static DomainException.NotFound notFound(long id) {
        return new DomainException.NotFound("There is no patient " + id + ".");
    }

    private static DomainException.Conflict duplicateEmail() {
        return new DomainException.Conflict("An active patient with this e-mail exists already.");
    }

    static String normalEmail(String email) {
        String e = blankToNull(email);
        return e == null ? null : e.toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Microseconds: what DATETIME(6) keeps, so a value read back equals the one written. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
