package clinic.patient.screening;

import clinic.kit.problem.DomainException;
import clinic.patient.access.CareTeamAccess;
import clinic.patient.audit.AuditAction;
import clinic.patient.audit.AuditTrail;
import clinic.patient.hold.HoldDelivery;
import clinic.rules.OtherSign;
import clinic.rules.RedFlag;
import clinic.rules.SciaticaSign;
import clinic.rules.ScreeningOutcome;
import clinic.rules.ScreeningRules;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * Records screenings (outcome decided by {@link ScreeningRules}) and reads their history. A screening with a red flag
 * also records, in the same transaction, the request that puts the patient's program on hold ({@link HoldDelivery}),
 * which is tried once right after the commit.
 */
@ApplicationScoped
public class ScreeningService {

    private final ScreeningRepository screenings;
    private final CareTeamAccess access;
    private final ScreeningConfig config;
    private final AuditTrail audit;
    private final HoldDelivery holds;

    public ScreeningService(
            ScreeningRepository screenings,
            CareTeamAccess access,
            ScreeningConfig config,
            AuditTrail audit,
            HoldDelivery holds) {
        this.screenings = screenings;
        this.access = access;
        this.config = config;
        this.audit = audit;
        this.holds = holds;
    }

    /** A recorded screening and, with a red flag, the id of its hold request. */
    private record Recorded(ScreeningView screening, Long holdRequest) {}

    /**
     * Records a screening by {@code physio}. The outcome is computed; an override is accepted only for
     * REFER_FOR_ASSESSMENT. With a red flag, the program hold is delivered to program-service right after the commit
     * ({@code programHold} DELIVERED) or left to the retry job (PENDING): the screening is never refused because
     * program-service is down.
     *
     * @throws DomainException.NotFound if there is no such patient
     * @throws clinic.patient.access.NotInCareTeam if the caller may not access the patient
     * @throws DomainException.Refused if an override is asked for an urgent referral or for a clear result
     */
    public ScreeningView screen(long patientId, NewScreening input, String physio) {
        Recorded recorded = QuarkusTransaction.requiringNew().call(() -> record(patientId, input, physio));
        if (recorded.holdRequest() == null) {
            return recorded.screening();
        }
        return recorded.screening()
                .withProgramHold(holds.deliver(recorded.holdRequest()).name());
    }

    private Recorded record(long patientId, NewScreening input, String physio) {
        access.require(patientId, AuditAction.SCREENING_CREATED);
        Set<RedFlag> redFlags = input.allRedFlags();
        Set<SciaticaSign> sciatica = input.sciaticaSignSet();
        Set<OtherSign> other = input.otherSignSet();
        ScreeningOutcome outcome = ScreeningRules.outcome(redFlags, sciatica, other);
        if (input.override() != null && !ScreeningRules.overridable(outcome)) {
            throw new DomainException.Refused(
                    outcome == ScreeningOutcome.URGENT_REFERRAL
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
        screenings.flush();
        Long holdRequest = redFlags.isEmpty() ? null : holds.record(patientId, s.id, redFlags);
        audit.record(AuditAction.SCREENING_CREATED, patientId);
        return new Recorded(ScreeningView.of(s), holdRequest);
    }

    /**
     * The patient's screenings, newest first; audited.
     *
     * @throws DomainException.NotFound if there is no such patient
     */
    @Transactional
    public java.util.List<ScreeningView> history(long patientId) {
        access.require(patientId, AuditAction.SCREENINGS_READ);
        audit.record(AuditAction.SCREENINGS_READ, patientId);
        return screenings.history(patientId).stream().map(ScreeningView::of).toList();
    }

    /**
     * One screening of the patient; audited.
     *
     * @throws DomainException.NotFound if the patient or the screening (of that patient) does not exist
     */
    @Transactional
    public ScreeningView one(long patientId, long screeningId) {
        access.require(patientId, AuditAction.SCREENINGS_READ);
        Screening s = screenings
                .findByIdOptional(screeningId)
                .filter(found -> found.patientId.longValue() == patientId)
                .orElseThrow(() -> new DomainException.NotFound("There is no such screening."));
        audit.record(AuditAction.SCREENINGS_READ, patientId);
        return ScreeningView.of(s);
    }

    /** The last day a screening made at {@code screenedAt} clears a program (UTC calendar days). */
    LocalDate validUntil(Instant screenedAt) {
        return LocalDate.ofInstant(screenedAt, ZoneOffset.UTC)
                .plusDays(config.validity().toDays());
    }
}
