package clinic.datagen;

import clinic.rules.AlertRules;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Writes the day-by-day part of a slice of programs on its own connection: session logs (one recorded exercise per
 * log), the SESSION_LOGGED audit rows, the programs' current exercises, and collects the alerts program-service's
 * rules ({@code clinic.rules.AlertRules}) would have raised. Ids come from the caller, so slices can run in parallel.
 */
final class Sessions implements Callable<Sessions.Result> {

    /** Rows written by a slice, and its alerts (id left blank: the caller numbers them in program order). */
    static final class Result {
        long logs;
        long exercises;
        long programExercises;
        long audits;
        long weeks;
        long outcomes;
        final List<Object[]> alerts = new ArrayList<>();

        /**
         * The weekly series' day counts (program-service migration V11, {@code report_day_logs}): logs per (day,
         * physio, slot = program id mod 4, as its {@code report/ReportAggregates}), written once by the caller.
         */
        final Map<DayKey, Long> days = new HashMap<>();

        void add(Result other) {
            other.days.forEach((k, v) -> days.merge(k, v, Long::sum));
            logs += other.logs;
            weeks += other.weeks;
            outcomes += other.outcomes;
            exercises += other.exercises;
            programExercises += other.programExercises;
            audits += other.audits;
        }
    }

    /** One row of {@code report_day_logs}. */
    record DayKey(LocalDate date, String physio, int slot) {}

    /** Slots a physio's day is split over: program-service's {@code ReportAggregates.DAY_SLOTS}. */
    static final int DAY_SLOTS = 4;

    private static final AlertRules RULES = new AlertRules(AlertRules.Thresholds.DEFAULTS);

    private final Database db;
    private final Generate.Options options;
    private final Protocol protocol;
    private final LocalDate today;
    private final List<Plan> plans;
    private final long[] firstLog;
    private final long[] firstProgramExercise;
    private final int offset;
    private final long sessionExerciseBase;
    private final long sessionLogBase;
    private final long auditBase;
    private final LocalDateTime now = LocalDateTime.now();

    Sessions(
            Database db,
            Generate.Options options,
            Protocol protocol,
            LocalDate today,
            List<Plan> plans,
            long[] firstLog,
            long[] firstProgramExercise,
            int offset,
            long sessionExerciseBase,
            long sessionLogBase,
            long auditBase) {
        this.db = db;
        this.options = options;
        this.protocol = protocol;
        this.today = today;
        this.plans = plans;
        this.firstLog = firstLog;
        this.firstProgramExercise = firstProgramExercise;
        this.offset = offset;
        this.sessionExerciseBase = sessionExerciseBase;
        this.sessionLogBase = sessionLogBase;
        this.auditBase = auditBase;
    }

    /** The days a patient logs come from their own stream, so they can be counted before anything is written. */
    static int countLogs(Plan p) {
        Random days = new Random(p.logSeed);
        int n = 0;
        for (int t = 0, end = p.loggableDays(); t < end; t++) {
            if (days.nextDouble() < p.adherence) {
                n++;
            }
        }
        return n;
    }

    @Override
    public Result call() throws Exception {
        Result result = new Result();
        try (Connection c = db.connect("programs");
                Batch log = new Batch(
                        c,
                        options.batch,
                        "session_log",
                        "id",
                        "program_id",
                        "session_date",
                        "pain_before",
                        "pain_after",
                        "pain_lasted_hours_after",
                        "red_flag_symptoms",
                        "notes",
                        "nerve_pain",
                        "logged_by",
                        "created_at");
                Batch exercise = new Batch(
                        c,
                        options.batch,
                        "session_exercise",
                        "id",
                        "session_log_id",
                        "exercise_slug",
                        "completed",
                        "sets",
                        "reps",
                        "side",
                        "nerve_pain");
                Batch audit = Batch.programAudit(c, options.batch);
                Batch prescribed = new Batch(
                        c,
                        options.batch,
                        "program_exercise",
                        "id",
                        "program_id",
                        "exercise_id",
                        "position",
                        "sets",
                        "reps",
                        "hold_seconds",
                        "minutes",
                        "times_per_day",
                        "per_side",
                        "marked_for_review",
                        "caution_ack_reason");
                Batch week =
                        new Batch(c, options.batch, "program_week", "program_id", "week_start", "days_mask", "logs");
                Batch outcome = new Batch(
                        c,
                        options.batch,
                        "program_outcome",
                        "program_id",
                        "logs",
                        "first1_on",
                        "first1_pain",
                        "first2_on",
                        "first2_pain",
                        "first3_on",
                        "first3_pain",
                        "week4_logs",
                        "week4_pain_sum",
                        "week8_logs",
                        "week8_pain_sum")) {
            exercise.after(log);
            Figures figures = new Figures(week, outcome);
            for (int i = 0; i < plans.size(); i++) {
                simulate(plans.get(i), offset + i, log, exercise, audit, prescribed, figures, result);
            }
            log.close();
            exercise.close();
            audit.close();
            prescribed.close();
            week.close();
            outcome.close();
            result.weeks = week.rows();
            result.outcomes = outcome.rows();
            result.logs = log.rows();
            result.exercises = exercise.rows();
            result.audits = audit.rows();
            result.programExercises = prescribed.rows();
        }
        return result;
    }

    private void simulate(
            Plan p, int index, Batch log, Batch exercise, Batch audit, Batch prescribed, Figures figures, Result result)
            throws Exception {
        Random days = new Random(p.logSeed);
        Random vals = new Random(p.logSeed ^ 0x5DEECE66DL);
        long logId = firstLog[index];
        // The alert rules' baseline: the mean pain-before of the program's first logs.
        double[] firstLogs = new double[RULES.thresholds().baselineLogs()];
        int seen = 0;
        ArrayDeque<LocalDate> lasting = new ArrayDeque<>();
        Set<String> nerveSlugsThisPhase = new HashSet<>();
        LocalDate phaseSince = p.phaseSince();
        figures.start(p.programId, p.startedOn);
        for (int t = 0, end = p.loggableDays(); t < end; t++) {
            if (days.nextDouble() >= p.adherence) {
                continue;
            }
            LocalDate date = p.startedOn.plusDays(t);
            int phase = p.phaseOn(t);
            int before = clamp(Math.round(p.trend(t) + vals.nextGaussian() * 0.7));
            // Exercise mostly eases the pain a little; a worsening course less so.
            double worse = p.course == Plan.Course.WORSENING ? 0.3 : 0.0;
            int after = clamp(Math.round(before + vals.nextGaussian() * 0.6 - 0.5 + worse));
            boolean lasted = vals.nextDouble() < 0.012 + (after >= 6 ? 0.04 : 0) + worse / 8;
            // No red flags: a red flag puts the program on hold and ends its logging, which the generated courses
            // do not model; the service's tests and the demo data cover holds. The draw stays, so a seed still gives
            // the same clinic as before.
            vals.nextDouble();
            String redFlag = null;
            boolean nerve = vals.nextDouble() < (phase == 1 ? 0.004 : 0.002) * (worse > 0 ? 3 : 1);
            String note = vals.nextDouble() < 0.06 ? Names.NOTES[vals.nextInt(Names.NOTES.length)] : null;
            LocalDateTime at = date.atTime(7, 0).plusMinutes(vals.nextInt(14 * 60));
            List<Protocol.Step> routine = protocol.phase(phase);
            Protocol.Step done = routine.get(vals.nextInt(routine.size()));

            log.add(logId, p.programId, date, before, after, lasted, redFlag, note, nerve, p.account, at);
            figures.log(date, before);
            result.days.merge(new DayKey(date, p.physio, (int) (p.programId % DAY_SLOTS)), 1L, Long::sum);
            exercise.add(
                    sessionExerciseBase + (logId - sessionLogBase),
                    logId,
                    done.slug(),
                    !nerve && vals.nextDouble() < 0.93,
                    done.sets(),
                    done.reps(),
                    done.perSide() ? "BOTH" : null,
                    nerve);
            if (options.sessionAudit) {
                audit.add(
                        auditBase + (logId - sessionLogBase),
                        at,
                        p.account,
                        "patient",
                        "SESSION_LOGGED",
                        p.patientId,
                        p.programId,
                        "datagen-" + logId);
            }

            // The service's own rules (clinic.rules.AlertRules) decide the alerts and write their messages.
            if (lasted) {
                while (!lasting.isEmpty()
                        && lasting.peekFirst()
                                .isBefore(date.minusDays(RULES.thresholds().lastingPainWindowDays() - 1L))) {
                    lasting.removeFirst();
                }
                lasting.addLast(date);
            }
            if (nerve && !date.isBefore(phaseSince)) {
                nerveSlugsThisPhase.add(done.slug());
            }
            Double baseline = null;
            if (seen > 0) {
                double sum = 0;
                for (int k = 0; k < seen; k++) {
                    sum += firstLogs[k];
                }
                baseline = sum / seen;
            }
            List<AlertRules.Raised> raised = RULES.evaluate(new AlertRules.LogFacts(
                    date,
                    before,
                    after,
                    Set.of(),
                    nerve ? List.of(new AlertRules.NervePain(done.slug(), done.name())) : List.of(),
                    lasted,
                    lasted ? lasting.size() : 0,
                    baseline,
                    false));
            for (AlertRules.Raised r : raised) {
                alert(
                        result,
                        p,
                        logId,
                        at,
                        r.type().name(),
                        r.severity().name(),
                        r.severity().rank(),
                        r.message());
            }
            if (seen < firstLogs.length) {
                firstLogs[seen++] = before;
            }
            logId++;
        }
        figures.finish();
        if (logId != firstLog[index + 1]) {
            throw new IllegalStateException("program " + p.programId + " wrote a different number of logs");
        }
        if (p.droppedOut && !p.isDischarged()) {
            // The daily inactivity check raised one alert after three quiet days; it stays open while unanswered (a
            // discharged patient's was answered by the discharge).
            LocalDate due = p.lastLogDay.plusDays(RULES.thresholds().inactiveDays());
            alertOpen(result, p, due.atTime(7, 0), RULES.inactivityMessage(due));
        }
        long id = firstProgramExercise[index];
        for (Protocol.Step s : protocol.phase(p.phase())) {
            prescribed.add(
                    id++,
                    p.programId,
                    s.exerciseId(),
                    s.position(),
                    s.sets(),
                    s.reps(),
                    s.holdSeconds(),
                    s.minutes(),
                    s.timesPerDay(),
                    s.perSide(),
                    nerveSlugsThisPhase.contains(s.slug()),
                    null);
        }
    }

    /** An alert from a log: physios answer within a day or two, so only the last days' alerts are still open. */
    private void alert(
            Result result, Plan p, long logId, LocalDateTime at, String type, String severity, int rank, String msg) {
        boolean open = at.isAfter(now.minusDays(3));
        LocalDateTime acknowledged = open ? null : at.plusMinutes(60 + (logId * 7919) % (36 * 60));
        result.alerts.add(new Object[] {
            null,
            p.programId,
            p.patientId,
            p.physio,
            logId,
            type,
            severity,
            rank,
            msg,
            open ? "OPEN" : "ACKNOWLEDGED",
            at,
            open ? null : p.physio,
            acknowledged,
            null,
            open ? 0L : 1L
        });
    }

    private void alertOpen(Result result, Plan p, LocalDateTime at, String msg) {
        result.alerts.add(new Object[] {
            null,
            p.programId,
            p.patientId,
            p.physio,
            null,
            AlertRules.Type.NO_RECENT_LOG.name(),
            AlertRules.Type.NO_RECENT_LOG.severity().name(),
            AlertRules.Type.NO_RECENT_LOG.severity().rank(),
            msg,
            "OPEN",
            at,
            null,
            null,
            null,
            0L
        });
    }

    /**
     * The reports' stored figures of one program (program-service migration V4, same definitions as its
     * {@code report/ReportAggregates}): one {@code program_week} row per ISO week with a log (weekday bit mask, logs)
     * and one {@code program_outcome} row (first three logs, week-4 and week-8 pain sums). Logs come in date order,
     * one a day at most, so a week is complete when the next one starts.
     */
    private static final class Figures {
        private final Batch week;
        private final Batch outcome;
        private long programId;
        private LocalDate startedOn;
        private LocalDate monday;
        private int mask;
        private int weekLogs;
        private int logs;
        private final Object[] first = new Object[6];
        private int w4Logs;
        private int w4Sum;
        private int w8Logs;
        private int w8Sum;

        Figures(Batch week, Batch outcome) {
            this.week = week;
            this.outcome = outcome;
        }

        void start(long id, LocalDate started) {
            programId = id;
            startedOn = started;
            monday = null;
            mask = 0;
            weekLogs = 0;
            logs = 0;
            Arrays.fill(first, null);
            w4Logs = w4Sum = w8Logs = w8Sum = 0;
        }

        void log(LocalDate date, int painBefore) throws SQLException {
            LocalDate m = date.minusDays(date.getDayOfWeek().getValue() - 1);
            if (!m.equals(monday)) {
                flushWeek();
                monday = m;
            }
            mask |= 1 << (date.getDayOfWeek().getValue() - 1);
            weekLogs++;
            if (logs < 3) {
                first[2 * logs] = date;
                first[2 * logs + 1] = painBefore;
            }
            logs++;
            long day = ChronoUnit.DAYS.between(startedOn, date);
            if (day >= 21 && day <= 27) {
                w4Logs++;
                w4Sum += painBefore;
            } else if (day >= 49 && day <= 55) {
                w8Logs++;
                w8Sum += painBefore;
            }
        }

        void finish() throws SQLException {
            flushWeek();
            if (logs > 0) {
                outcome.add(
                        programId, logs, first[0], first[1], first[2], first[3], first[4], first[5], w4Logs, w4Sum,
                        w8Logs, w8Sum);
            }
        }

        private void flushWeek() throws SQLException {
            if (monday != null && weekLogs > 0) {
                week.add(programId, monday, mask, weekLogs);
            }
            mask = 0;
            weekLogs = 0;
        }
    }

    private static int clamp(long value) {
        return (int) Math.max(0, Math.min(10, value));
    }
}
