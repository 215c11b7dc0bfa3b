package clinic.program.report;

import clinic.kit.problem.DomainException;
import clinic.kit.web.KeysetCursor;
import clinic.program.audit.Audit;
import clinic.program.report.ReportViews.AdherenceBucket;
import clinic.program.report.ReportViews.AdherencePage;
import clinic.program.report.ReportViews.AdherenceRow;
import clinic.program.report.ReportViews.Caseload;
import clinic.program.report.ReportViews.CaseloadRow;
import clinic.program.report.ReportViews.Milestone;
import clinic.program.report.ReportViews.Outcomes;
import clinic.program.report.ReportViews.Overview;
import clinic.program.report.ReportViews.PhaseCount;
import clinic.program.report.ReportViews.ReferralRow;
import clinic.program.report.ReportViews.Referrals;
import clinic.program.report.ReportViews.SeverityCount;
import clinic.program.report.ReportViews.WeekCount;
import clinic.rules.AlertRules.Severity;
import clinic.rules.ProgressRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The admin reports. Each runs a fixed number of SQL statements whatever the size of the clinic (at most four
 * queries plus one audit INSERT), so it fits the budget of five per request. The referral and adherence lists show
 * patients by id, so their audit INSERT writes one row per patient shown (one more INSERT per 500 patients past the
 * first 500: a page is at most 100; only the whole referral list can be longer). Definitions: {@link ReportQueries}.
 */
@ApplicationScoped
public class ReportService {

    /** Largest page of the adherence report. */
    public static final int MAX_PAGE = 100;

    /** The key of an adherence cursor {@code adherence:programId}. */
    private static final Pattern ADHERENCE_KEY = Pattern.compile("\\d{1,3}");

    /** The referral report's rules in a physio's words (the progress page explains them in full). */
    private static final java.util.Map<String, String> REFERRAL_REASONS = java.util.Map.of(
            ProgressRules.Rule.SEVERE_OR_DISABLING.name(),
            "Pain stops sleep or work (reported in the last 7 days)",
            ProgressRules.Rule.NO_IMPORTANT_IMPROVEMENT.name(),
            "No clinically important improvement after the referral weeks");

    /** The key of a referral cursor {@code startedOn:programId}. */
    private static final Pattern REFERRAL_KEY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** The discharge reasons in the order the outcomes report lists them (each listed, 0 when none). */
    static final List<String> DISCHARGE_REASONS =
            List.of("GOALS_MET", "SELF_MANAGING", "REFERRED_ON", "PATIENT_CHOICE", "DID_NOT_ENGAGE", "OTHER");

    private final ReportQueries queries;
    private final OutcomeQueries outcomeQueries;
    private final Audit audit;

    public ReportService(ReportQueries queries, OutcomeQueries outcomeQueries, Audit audit) {
        this.queries = queries;
        this.outcomeQueries = outcomeQueries;
        this.audit = audit;
    }

    /** Active programs and patients, phases, weekly logs, adherence buckets, pain change, milestones, open alerts. */
    @Transactional
    public Overview overview(ReportPeriod period) {
        audit.record("REPORT_OVERVIEW_READ", null, null);
        Map<Integer, Long> byPhase = new HashMap<>();
        long programs = 0;
        long patients = 0;
        // Asked once: both statements then read the summary, or neither does.
        boolean fromSummary = queries.summaryServes(period);
        for (Object[] row : queries.programsByPhase(period, fromSummary)) {
            if (row[0] == null) {
                programs = number(row[1]);
                patients = number(row[2]);
            } else {
                byPhase.put((int) number(row[0]), number(row[1]));
            }
        }
        List<PhaseCount> phases = new ArrayList<>();
        for (int phase = 1; phase <= 3; phase++) {
            phases.add(new PhaseCount(phase, byPhase.getOrDefault(phase, 0L)));
        }
        byPhase.entrySet().stream()
                .filter(e -> e.getKey() < 1 || e.getKey() > 3)
                .forEach(e -> phases.add(new PhaseCount(e.getKey(), e.getValue())));

        // Per distinct pain change: its programs, then buckets and milestones summed over them.
        long[] sums = new long[8];
        TreeMap<BigDecimal, Long> changes = new TreeMap<>();
        for (Object[] row : queries.overviewFigures(period, fromSummary)) {
            for (int i = 0; i < sums.length; i++) {
                sums[i] += number(row[i + 2]);
            }
            if (row[0] != null) {
                changes.merge(new BigDecimal(row[0].toString()), number(row[1]), Long::sum);
            }
        }
        List<AdherenceBucket> buckets = List.of(
                new AdherenceBucket("<25", sums[0]),
                new AdherenceBucket("25-50", sums[1]),
                new AdherenceBucket("50-75", sums[2]),
                new AdherenceBucket(">=75", sums[3]));
        List<Milestone> milestones = List.of(milestone(4, sums[4], sums[5]), milestone(8, sums[6], sums[7]));

        Map<String, Long> alertCounts = new HashMap<>();
        for (Object[] row : queries.openAlerts(period)) {
            alertCounts.put(String.valueOf(row[0]), number(row[1]));
        }
        List<SeverityCount> alerts = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            alerts.add(new SeverityCount(severity.name(), alertCounts.getOrDefault(severity.name(), 0L)));
        }
        return new Overview(
                period.from(),
                period.to(),
                period.physio(),
                programs,
                patients,
                phases,
                weeks(period),
                buckets,
                decimal(median(changes)),
                milestones,
                alerts);
    }

    /** Per care physio: patients, active programs, mean adherence, open alerts, improvement rate. */
    @Transactional
    public Caseload caseload(ReportPeriod period) {
        audit.record("REPORT_CASELOAD_READ", null, null);
        List<CaseloadRow> rows = queries.caseload(period).stream()
                .map(r -> {
                    long programs = number(r[2]);
                    long improved = number(r[5]);
                    return new CaseloadRow(
                            (String) r[0],
                            number(r[1]),
                            programs,
                            decimal(r[3]),
                            number(r[4]),
                            improved,
                            programs == 0 ? null : round(100.0 * improved / programs));
                })
                .toList();
        return new Caseload(period.from(), period.to(), period.physio(), rows);
    }

    /**
     * Programs on for the referral setting's weeks or more without a clinically important improvement, oldest first:
     * all of them when {@code size} is null, else a page of at most {@code size} (capped at {@link #MAX_PAGE}) after
     * the cursor {@code startedOn:programId} of the previous page's last row.
     */
    @Transactional
    public Referrals referrals(ReportPeriod period, String after, Integer size) {
        if (size != null && size < 1) {
            throw new DomainException.Invalid("size", "must be at least 1");
        }
        Integer pageSize = size == null ? null : Math.min(size, MAX_PAGE);
        LocalDate afterStarted = null;
        Long afterId = null;
        KeysetCursor cursor = KeysetCursor.parse("after", after, REFERRAL_KEY, "startedOn:programId");
        if (cursor != null) {
            afterStarted = parseDate(cursor.key());
            if (afterStarted == null) {
                throw KeysetCursor.invalid("after", "startedOn:programId");
            }
            afterId = cursor.id();
        }
        // One row more than the page tells whether another page follows, without a count query.
        List<Object[]> found = queries.referrals(period, afterStarted, afterId, pageSize == null ? null : pageSize + 1);
        List<ReferralRow> rows = found.stream()
                .limit(pageSize == null ? Long.MAX_VALUE : pageSize)
                .map(r -> {
                    LocalDate started = ReportQueries.date(r[4]);
                    return new ReferralRow(
                            number(r[0]),
                            number(r[1]),
                            (String) r[2],
                            (int) number(r[3]),
                            started,
                            ChronoUnit.DAYS.between(started, period.asOf()) / 7,
                            decimal(r[5]),
                            decimal(r[6]),
                            decimal(r[7]),
                            (int) number(r[8]),
                            (String) r[10],
                            REFERRAL_REASONS.get((String) r[10]));
                })
                .toList();
        Long total = found.isEmpty() ? (afterStarted == null ? Long.valueOf(0) : null) : number(found.get(0)[9]);
        String next = pageSize != null && found.size() > pageSize
                ? KeysetCursor.after(
                        rows.get(rows.size() - 1).startedOn(),
                        rows.get(rows.size() - 1).programId())
                : null;
        audit.recordList(
                "REPORT_REFERRALS_READ",
                rows.stream()
                        .map(r -> new Audit.Shown(r.patientId(), r.programId()))
                        .toList());
        return new Referrals(
                period.from(), period.to(), period.physio(), queries.referralWeeks(), total, pageSize, rows, next);
    }

    /**
     * Programs by ascending adherence in the period, a page of at most {@code size} (capped at {@link #MAX_PAGE})
     * after the cursor {@code adherence:programId} of the previous page's last row.
     */
    @Transactional
    public AdherencePage adherence(ReportPeriod period, String after, int size) {
        if (size < 1) {
            throw new DomainException.Invalid("size", "must be at least 1");
        }
        int pageSize = Math.min(size, MAX_PAGE);
        Integer afterAdherence = null;
        Long afterId = null;
        KeysetCursor cursor = KeysetCursor.parse("after", after, ADHERENCE_KEY, "adherence:programId");
        if (cursor != null) {
            afterAdherence = Integer.valueOf(cursor.key());
            afterId = cursor.id();
        }
        // One row more than the page tells whether another page follows, without a count query.
        List<Object[]> found = queries.lowestAdherence(period, afterAdherence, afterId, pageSize + 1);
        List<AdherenceRow> rows = found.stream()
                .limit(pageSize)
                .map(r -> new AdherenceRow(
                        number(r[0]),
                        number(r[1]),
                        (String) r[2],
                        (int) number(r[3]),
                        ReportQueries.date(r[4]),
                        number(r[5]),
                        number(r[6]),
                        (int) number(r[7])))
                .toList();
        String next = found.size() > pageSize
                ? KeysetCursor.after(
                        rows.get(rows.size() - 1).adherence(),
                        rows.get(rows.size() - 1).programId())
                : null;
        audit.recordList(
                "REPORT_ADHERENCE_READ",
                rows.stream()
                        .map(r -> new Audit.Shown(r.patientId(), r.programId()))
                        .toList());
        return new AdherencePage(period.from(), period.to(), period.physio(), pageSize, rows, next);
    }

    /**
     * Outcomes of the episodes discharged in the period: the share reaching the minimal important change, overall,
     * by protocol and by physio; completion of the questionnaires due in the period by time point; discharge reasons.
     * Three statements (whether the summary serves, then the episodes and the completion, from it or live) and one
     * audit row (no patient is listed). Definitions: {@link OutcomeQueries}.
     */
    @Transactional
    public Outcomes outcomes(ReportPeriod period) {
        audit.record("REPORT_OUTCOMES_READ", null, null);
        boolean fromSummary = queries.summaryServesOutcomes(period, outcomeQueries.settings());
        Map<String, long[]> byProtocol = new TreeMap<>();
        Map<String, long[]> byPhysio = new TreeMap<>();
        Map<String, Long> reasons = new LinkedHashMap<>();
        DISCHARGE_REASONS.forEach(r -> reasons.put(r, 0L));
        long[] total = new long[3];
        for (Object[] row : outcomeQueries.outcomes(period, fromSummary)) {
            long[] figures = {number(row[3]), number(row[4]), number(row[5])};
            add(byProtocol.computeIfAbsent(String.valueOf(row[0]), k -> new long[3]), figures);
            add(byPhysio.computeIfAbsent(String.valueOf(row[1]), k -> new long[3]), figures);
            add(total, figures);
            reasons.merge(row[2] == null ? "UNSPECIFIED" : (String) row[2], figures[0], Long::sum);
        }
        List<ReportViews.ProtocolOutcome> protocols = byProtocol.entrySet().stream()
                .map(e -> new ReportViews.ProtocolOutcome(
                        e.getKey(),
                        e.getValue()[0],
                        e.getValue()[1],
                        e.getValue()[2],
                        percent(e.getValue()[2], e.getValue()[1])))
                .toList();
        List<ReportViews.PhysioOutcome> physios = byPhysio.entrySet().stream()
                .map(e -> new ReportViews.PhysioOutcome(
                        e.getKey(),
                        e.getValue()[0],
                        e.getValue()[1],
                        e.getValue()[2],
                        percent(e.getValue()[2], e.getValue()[1])))
                .toList();
        List<ReportViews.ReasonCount> reasonCounts = reasons.entrySet().stream()
                .map(e -> new ReportViews.ReasonCount(e.getKey(), e.getValue(), percent(e.getValue(), total[0])))
                .toList();

        Map<String, long[]> completed = new HashMap<>();
        for (Object[] row : outcomeQueries.completion(period, fromSummary)) {
            completed.put((String) row[0], new long[] {number(row[1]), number(row[2])});
        }
        long due = 0;
        long done = 0;
        List<ReportViews.TimepointCompletion> timepoints = new ArrayList<>();
        for (String timepoint : outcomeQueries.timepoints()) {
            long[] figures = completed.getOrDefault(timepoint, new long[2]);
            due += figures[0];
            done += figures[1];
            timepoints.add(new ReportViews.TimepointCompletion(
                    timepoint, figures[0], figures[1], percent(figures[1], figures[0])));
        }
        return new Outcomes(
                period,
                total[0],
                new ReportViews.MicShare(total[2], percent(total[2], total[1])),
                protocols,
                physios,
                new ReportViews.Completion(due, done, percent(done, due), timepoints),
                reasonCounts);
    }

    private static void add(long[] sums, long[] figures) {
        for (int i = 0; i < figures.length; i++) {
            sums[i] += figures[i];
        }
    }

    /** {@code part} of {@code whole} in percent with one decimal; null when {@code whole} is 0. */
    private static Double percent(long part, long whole) {
        return whole == 0 ? null : round(100.0 * part / whole);
    }

    /** Every ISO week that overlaps the period, with 0 where nothing was logged. */
    private List<WeekCount> weeks(ReportPeriod period) {
        Map<LocalDate, Long> counts = new HashMap<>();
        for (Object[] row : queries.sessionsPerWeek(period)) {
            counts.put(ReportQueries.date(row[0]), number(row[1]));
        }
        List<WeekCount> weeks = new ArrayList<>();
        for (LocalDate monday = period.from().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                !monday.isAfter(period.to());
                monday = monday.plusWeeks(1)) {
            String iso = "%d-W%02d"
                    .formatted(monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            weeks.add(new WeekCount(iso, monday, counts.getOrDefault(monday, 0L)));
        }
        return weeks;
    }

    /**
     * The median of the changes counted in {@code counts} (value → programs): the middle one, or the mean of the two
     * middle ones, exact in decimal; null when there is none.
     */
    static BigDecimal median(TreeMap<BigDecimal, Long> counts) {
        long n = counts.values().stream().mapToLong(Long::longValue).sum();
        if (n == 0) {
            return null;
        }
        // 1-based ranks of the middle value(s): the same one when n is odd.
        long lowRank = (n + 1) / 2;
        long highRank = (n + 2) / 2;
        BigDecimal low = null;
        BigDecimal high = null;
        long seen = 0;
        for (Map.Entry<BigDecimal, Long> entry : counts.entrySet()) {
            seen += entry.getValue();
            if (low == null && seen >= lowRank) {
                low = entry.getKey();
            }
            if (seen >= highRank) {
                high = entry.getKey();
                break;
            }
        }
        return low.add(high).divide(BigDecimal.valueOf(2));
    }

    private static Milestone milestone(int week, Object programs, Object improved) {
        long reached = number(programs);
        long better = number(improved);
        return new Milestone(week, reached, better, reached == 0 ? null : round(100.0 * better / reached));
    }

    private static LocalDate parseDate(String value) {
        try {
            return LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Double decimal(Object value) {
        return value == null ? null : round(((Number) value).doubleValue());
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
