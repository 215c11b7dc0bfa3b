package clinic.program.report;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The clinic reports' payloads. Lists are under {@code items} so the portal's generic table shows them; patients are
 * ids only (names belong to patient-service, the portal composes them).
 */
public final class ReportViews {

    private ReportViews() {}

    /** Clinic-wide (or one physio's) figures for a period. */
    public record Overview(
            LocalDate from,
            LocalDate to,
            String physio,
            long activePrograms,
            long activePatients,
            List<PhaseCount> programsByPhase,
            List<WeekCount> sessionsPerWeek,
            List<AdherenceBucket> adherenceDistribution,
            Double medianPainChange,
            List<Milestone> improvement,
            List<SeverityCount> openAlerts) {}

    /** Active programs at one phase. */
    public record PhaseCount(int phase, long programs) {}

    /** Session logs dated in one ISO week (Monday {@code weekStart}); weeks without logs are listed with 0. */
    public record WeekCount(String isoWeek, LocalDate weekStart, long sessions) {}

    /** Programs whose adherence in the period falls in a bucket: {@code <25}, {@code 25-50}, {@code 50-75}, {@code >=75}. */
    public record AdherenceBucket(String bucket, long programs) {}

    /**
     * Programs that had reached the end of week {@code week} by the end of the period, and how many of them showed a
     * clinically important improvement then; {@code percent} is null when none had.
     */
    public record Milestone(int week, long programs, long improved, Double percent) {}

    /** Open alerts of one severity. */
    public record SeverityCount(String severity, long open) {}

    /** Caseload of every care physio (or the one asked for). */
    public record Caseload(LocalDate from, LocalDate to, String physio, List<CaseloadRow> items) {}

    /** One care physio: {@code meanAdherence} and {@code improvementRate} (percent) are null without programs. */
    public record CaseloadRow(
            String physio,
            long patients,
            long activePrograms,
            Double meanAdherence,
            long openAlerts,
            long improved,
            Double improvementRate) {}

    /**
     * Programs that have run {@code referralWeeks} or more without a clinically important improvement: all of them,
     * or with a {@code size} one page of them after a cursor. {@code total} counts them all whatever the page (null
     * only on a page past the last row); {@code nextCursor} is null on the last page.
     */
    public record Referrals(
            LocalDate from,
            LocalDate to,
            String physio,
            int referralWeeks,
            Long total,
            Integer size,
            List<ReferralRow> items,
            String nextCursor) {}

    /** A program to consider for referral, oldest first. */
    public record ReferralRow(
            long programId,
            long patientId,
            String physio,
            int phase,
            LocalDate startedOn,
            long weeksOnProgram,
            Double baseline,
            Double last7DaysMean,
            Double painChange,
            int adherence,
            @Schema(description = "The referral rule that fired: SEVERE_OR_DISABLING or NO_IMPORTANT_IMPROVEMENT")
                    String rule,
            @Schema(description = "That rule in words") String reason) {}

    /** One page of programs by ascending adherence; {@code nextCursor} is null on the last page. */
    public record AdherencePage(
            LocalDate from, LocalDate to, String physio, int size, List<AdherenceRow> items, String nextCursor) {}

    /** A program's adherence in the period: days with a log against days prescribed since max(from, start). */
    public record AdherenceRow(
            long programId,
            long patientId,
            String physio,
            int phase,
            LocalDate startedOn,
            long loggedDays,
            long prescribedDays,
            int adherence) {}
    /**
     * Outcomes of the episodes discharged in the period ({@link OutcomeQueries} defines every figure): how many reached
     * the minimal important change of their outcome questionnaires, overall, by protocol and by care physio; how many
     * due questionnaires were completed; why programs were discharged. Percentages have one decimal and are null when
     * there is nothing to divide by.
     */
    public record Outcomes(
            @Schema(description = "The period and filters the figures are for (asOf: the day they are as of)")
                    ReportPeriod period,
            @Schema(description = "Programs discharged in the period") long discharged,
            MicShare reachedMic,
            List<ProtocolOutcome> byProtocol,
            List<PhysioOutcome> byPhysio,
            Completion completion,
            List<ReasonCount> reasons) {}

    /** Episodes reaching the MIC; {@code percent} of the episodes with measures (a baseline and a later score). */
    public record MicShare(long count, Double percent) {}

    /** The episodes of one protocol (its code, every version). */
    public record ProtocolOutcome(
            String protocol, long discharged, long withMeasures, long reachedMic, Double percent) {}

    /** The episodes in one care physio's care. */
    public record PhysioOutcome(String physio, long discharged, long withMeasures, long reachedMic, Double percent) {}

    /** Due questionnaires (one per instrument and time point) and how many were completed. */
    public record Completion(long due, long completed, Double percent, List<TimepointCompletion> byTimepoint) {}

    /** One time point: BASELINE, WEEK_n for each configured week, DISCHARGE. */
    public record TimepointCompletion(String timepoint, long due, long completed, Double percent) {}

    /** Episodes discharged for one reason; {@code percent} of the discharged episodes. */
    public record ReasonCount(String reason, long count, Double percent) {}
}
