package clinic.patient.clearance;

import clinic.kit.contract.Clearance;
import clinic.kit.problem.DomainException;
import clinic.patient.access.CareTeamAccess;
import clinic.patient.audit.AuditAction;
import clinic.patient.audit.AuditTrail;
import clinic.patient.registry.Patient;
import clinic.patient.registry.PatientRepository;
import clinic.patient.registry.PatientStatus;
import clinic.patient.screening.Screening;
import clinic.patient.screening.ScreeningRepository;
import clinic.rules.ClearanceRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Answers whether a program may start or go on, from the patient's status and latest screening. */
@ApplicationScoped
public class ClearanceService {

    private final CareTeamAccess access;
    private final PatientRepository patients;
    private final ScreeningRepository screenings;
    private final AuditTrail audit;

    public ClearanceService(
            CareTeamAccess access, PatientRepository patients, ScreeningRepository screenings, AuditTrail audit) {
        this.access = access;
        this.patients = patients;
        this.screenings = screenings;
        this.audit = audit;
    }

    /**
     * The clearance of one patient, decided by {@link ClearanceRules}; audited as CLEARANCE_READ.
     *
     * @throws DomainException.NotFound if there is no such patient
     * @throws clinic.patient.access.NotInCareTeam if the caller may not access the patient
     */
    @Transactional
    public Clearance clearance(long patientId) {
        access.require(patientId, AuditAction.CLEARANCE_READ);
        Patient p = patients.findById(patientId);
        Screening latest = screenings.latest(patientId).orElse(null);
        ClearanceRules.Decision decision = ClearanceRules.decide(
                p.status == PatientStatus.ACTIVE,
                latest == null
                        ? null
                        : new ClearanceRules.Latest(
                                latest.outcome, latest.overridden, latest.redFlags, latest.validUntil),
                LocalDate.now(ZoneOffset.UTC));
        audit.record(AuditAction.CLEARANCE_READ, patientId);
        return new Clearance(
                p.id,
                decision.cleared(),
                decision.reason(),
                latest == null ? null : latest.id,
                latest == null ? null : latest.validUntil,
                p.accountUsername,
                p.carePhysio,
                latest == null ? null : latest.screenedAt);
    }
}
