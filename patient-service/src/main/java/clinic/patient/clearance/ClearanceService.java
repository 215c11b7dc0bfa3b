package clinic.patient.clearance;

import clinic.patient.audit.AuditAction;
import clinic.patient.audit.AuditTrail;
import clinic.patient.common.NotFoundProblem;
import clinic.patient.patient.Patient;
import clinic.patient.patient.PatientRepository;
import clinic.patient.patient.PatientStatus;
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

    private final PatientRepository patients;
    private final ScreeningRepository screenings;
    private final AuditTrail audit;

    public ClearanceService(PatientRepository patients, ScreeningRepository screenings, AuditTrail audit) {
        this.patients = patients;
        this.screenings = screenings;
        this.audit = audit;
    }

    /**
     * The clearance of one patient, decided by {@link ClearanceRules}; audited as CLEARANCE_READ.
     *
     * @throws NotFoundProblem if there is no such patient
     */
    @Transactional
    public Clearance clearance(long patientId) {
        Patient p = patients.findByIdOptional(patientId)
                .orElseThrow(() -> new NotFoundProblem("There is no patient " + patientId + "."));
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
