package clinic.patient.screening;

import clinic.patient.audit.AuditAction;
import clinic.patient.audit.AuditTrail;
import clinic.patient.common.ClinicalRefusal;
import clinic.patient.common.NotFoundProblem;
import clinic.patient.patient.PatientRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;

/** Records screenings (outcome decided by {@link ScreeningRules}) and reads their history. */
@ApplicationScoped
public class ScreeningService {

    private final ScreeningRepository screenings;
    private final PatientRepository patients;
    private final ScreeningConfig config;
    private final AuditTrail audit;

    public ScreeningService(
            ScreeningRepository screenings, PatientRepository patients, ScreeningConfig config, AuditTrail audit) {
        this.screenings = screenings;
        this.patients = patients;
        this.config = config;
        this.audit = audit;
    }

    /**
     * Records a screening by {@code physio}. The outcome is computed; an override is accepted only for
     * REFER_FOR_ASSESSMENT.
     *
     * @throws NotFoundProblem if there is no such patient
     * @throws ClinicalRefusal if an override is asked for an urgent referral or for a clear result
     */
    @Transactional
    public ScreeningView screen(long patientId, NewScreening input, String physio) {
        requirePatient(patientId);
        Set<RedFlag> redFlags = copy(input.redFlags(), RedFlag.class);
        Set<SciaticaSign> sciatica = copy(input.sciaticaSigns(), SciaticaSign.class);
        Set<OtherSign> other = copy(input.otherSigns(), OtherSign.class);
        Outcome outcome = ScreeningRules.outcome(redFlags, sciatica, other);
        if (input.override() != null && !ScreeningRules.overridable(outcome)) {
            throw new ClinicalRefusal(
                    outcome == Outcome.URGENT_REFERRAL
                            ? "A red flag needs urgent medical review; an urgent referral cannot be overridden."
                            : "The screening is CLEAR; there is nothing to override.");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Screening s = new Screening();
        s.patientId = patientId;
        s.redFlags = redFlags;
        s.sciaticaSigns = sciatica;
        s.otherSigns = other;
        s.notes = input.notes() == null || input.notes().isBlank()
                ? null
                : input.notes().strip();
        s.outcome = outcome;
        s.overridden = input.override() != null;
        s.overrideReason = s.overridden ? input.override().reason().strip() : null;
        s.overriddenBy = s.overridden ? physio : null;
        s.screenedAt = now;
        s.screenedBy = physio;
        s.validUntil = validUntil(now);
        screenings.persist(s);
        audit.record(AuditAction.SCREENING_CREATED, patientId);
        return ScreeningView.of(s);
    }

    /**
     * The patient's screenings, newest first; audited.
     *
     * @throws NotFoundProblem if there is no such patient
     */
    @Transactional
    public java.util.List<ScreeningView> history(long patientId) {
        requirePatient(patientId);
        audit.record(AuditAction.SCREENINGS_READ, patientId);
        return screenings.history(patientId).stream().map(ScreeningView::of).toList();
    }

    /**
     * One screening of the patient; audited.
     *
     * @throws NotFoundProblem if the patient or the screening (of that patient) does not exist
     */
    @Transactional
    public ScreeningView one(long patientId, long screeningId) {
        Screening s = screenings
                .findByIdOptional(screeningId)
                .filter(found -> found.patientId.longValue() == patientId)
                .orElseThrow(() -> new NotFoundProblem("There is no such screening."));
        audit.record(AuditAction.SCREENINGS_READ, patientId);
        return ScreeningView.of(s);
    }

    /** The last day a screening made at {@code screenedAt} clears a program (UTC calendar days). */
    LocalDate validUntil(Instant screenedAt) {
        return LocalDate.ofInstant(screenedAt, ZoneOffset.UTC)
                .plusDays(config.validity().toDays());
    }

    private void requirePatient(long patientId) {
        if (patients.findByIdOptional(patientId).isEmpty()) {
            throw new NotFoundProblem("There is no patient " + patientId + ".");
        }
    }

    private static <E extends Enum<E>> Set<E> copy(Set<E> values, Class<E> type) {
        return values == null || values.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(values);
    }
}
