package clinic.datagen;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * Writes the completed questionnaires of every program ({@code measure_response}, program-service migration V17), so
 * the outcomes report has data: PSFS and RMDQ at BASELINE, WEEK_4, WEEK_8 (the default schedule) and DISCHARGE, and
 * the STarT Back screen at BASELINE. Scores follow the plan's pain course (a patient whose pain eases reports less
 * disability and more ability), with noise; not every due questionnaire is answered, fewer by patients who stopped
 * logging. Answers are stored as the service stores them (one entry per item, every item answered). Each plan draws
 * from its own stream, so the rows do not depend on the order plans are written in.
 */
final class Outcomes implements Callable<Outcomes.Result> {

    /** The default schedule's weeks (program-service {@code clinic.measures.weeks}). */
    static final int[] WEEKS = {4, 8};

    /** A week's window opens this many days before it (the measures schedule). */
    static final int WINDOW_OPENS_DAYS_BEFORE = 3;

    /** Shares of the due questionnaires a patient who is still logging answers: baseline, a week, at discharge. */
    static final double BASELINE_ANSWERED = 0.85;

    static final double WEEK_ANSWERED = 0.7;

    static final double DISCHARGE_ANSWERED = 0.65;

    /** A patient who stopped logging rarely answers afterwards. */
    static final double ANSWERED_AFTER_STOPPING = 0.1;

    private static final String[] ACTIVITIES = {
        "Sitting for 30 minutes", "Walking to the shops", "Putting on socks", "Lifting a shopping bag", "Driving",
        "Getting out of bed", "Gardening", "Playing with the children", "Climbing stairs", "Standing at work"
    };

    /** Rows written. */
    static final class Result {
        long responses;
        long discharged;
    }

    private final Database db;
    private final Generate.Options options;
    private final LocalDate today;
    private final List<Plan> plans;
    private final long idBase;
    private final LocalDateTime now = LocalDateTime.now();

    Outcomes(Database db, Generate.Options options, LocalDate today, List<Plan> plans, long idBase) {
        this.db = db;
        this.options = options;
        this.today = today;
        this.plans = plans;
        this.idBase = idBase;
    }

    /** The summary a physio writes at discharge, by reason. */
    static String summary(Plan p) {
        return switch (p.dischargeReason) {
            case "GOALS_MET" -> "Goals met: back to usual activities with little or no pain. Continue the home routine.";
            case "SELF_MANAGING" -> "Managing well on the home routine; knows how to progress it and when to return.";
            case "REFERRED_ON" -> "No important improvement on the program: referred back to the GP for review.";
            case "PATIENT_CHOICE" -> "The patient chose to stop the program.";
            case "DID_NOT_ENGAGE" -> "No sessions logged for two weeks and no reply to contact: discharged.";
            default -> "Moved out of the area; transferred to a local service.";
        };
    }

    @Override
    public Result call() throws Exception {
        Result result = new Result();
        long id = idBase;
        try (Connection c = db.connect("programs");
                Batch measure = new Batch(
                        c,
                        options.batch,
                        "measure_response",
                        "id",
                        "program_id",
                        "patient_id",
                        "instrument",
                        "instrument_version",
                        "timepoint",
                        "completed_on",
                        "entered_by_role",
                        "entered_by",
                        "answers",
                        "answered_items",
                        "skipped_items",
                        "score",
                        "subscore",
                        "risk_group",
                        "created_at")) {
            for (Plan p : plans) {
                Random rnd = new Random(p.logSeed * 31 + 7);
                LocalDate last = p.isDischarged() ? p.dischargedOn : today.minusDays(1);
                // BASELINE: on the start day or within two days.
                LocalDate on = min(p.startedOn.plusDays(rnd.nextInt(3)), last);
                if (!on.isAfter(today.minusDays(1)) && answers(rnd, p, on, BASELINE_ANSWERED)) {
                    id = write(measure, id, p, rnd, "BASELINE", on, true);
                }
                for (int i = 0; i < WEEKS.length; i++) {
                    LocalDate opens = p.startedOn.plusDays(WEEKS[i] * 7L - WINDOW_OPENS_DAYS_BEFORE);
                    // Not due once discharged; answered within the window (a week) or not at all.
                    if (!opens.isBefore(last) || opens.isAfter(today.minusDays(1))) {
                        continue;
                    }
                    on = min(opens.plusDays(rnd.nextInt(7)), last);
                    if (answers(rnd, p, on, WEEK_ANSWERED)) {
                        id = write(measure, id, p, rnd, "WEEK_" + WEEKS[i], on, false);
                    }
                }
                if (p.isDischarged()) {
                    result.discharged++;
                    if (answers(rnd, p, p.dischargedOn, DISCHARGE_ANSWERED)) {
                        id = write(measure, id, p, rnd, "DISCHARGE", p.dischargedOn, false);
                    }
                }
            }
            measure.close();
            result.responses = measure.rows();
        }
        return result;
    }

    private static boolean answers(Random rnd, Plan p, LocalDate on, double share) {
        boolean stillLogging = !on.isAfter(p.lastLogDay.plusDays(3));
        return rnd.nextDouble() < (stillLogging ? share : ANSWERED_AFTER_STOPPING);
    }

    /** PSFS and RMDQ (each answered by most who answer at all), and at baseline the STarT Back screen. */
    private long write(Batch measure, long id, Plan p, Random rnd, String timepoint, LocalDate on, boolean baseline)
            throws java.sql.SQLException {
        int day = (int) (on.toEpochDay() - p.startedOn.toEpochDay());
        double pain = p.trend(day);
        String by = rnd.nextDouble() < 0.85 ? "PATIENT" : "PHYSIO";
        String who = by.equals("PATIENT") ? p.account : p.physio;
        LocalDateTime at = on.atTime(9, 0).plusMinutes(rnd.nextInt(600));
        if (at.isAfter(now)) {
            at = now;
        }
        // PSFS: three activities rated 0-10, able to do less the more it hurts.
        StringBuilder psfs = new StringBuilder("[");
        int sum = 0;
        for (int k = 1; k <= 3; k++) {
            int rating = clamp((int) Math.round(10 - 1.1 * pain + rnd.nextGaussian() * 1.2), 0, 10);
            sum += rating;
            String activity = ACTIVITIES[(int) ((p.logSeed >>> (4 * k)) & 0xFFFF) % ACTIVITIES.length];
            psfs.append(k == 1 ? "" : ",")
                    .append("{\"item\":\"activity")
                    .append(k)
                    .append("\",\"text\":\"")
                    .append(activity)
                    .append("\"},{\"item\":\"rating")
                    .append(k)
                    .append("\",\"value\":")
                    .append(rating)
                    .append('}');
        }
        psfs.append(']');
        measure.add(
                ++id,
                p.programId,
                p.patientId,
                "PSFS",
                "1995",
                timepoint,
                on,
                by,
                who,
                psfs.toString(),
                6,
                0,
                Math.round(sum * 100.0 / 3) / 100.0,
                null,
                null,
                at);
        if (rnd.nextDouble() < 0.95) {
            // RMDQ: 24 yes/no statements, about two "yes" per point of pain.
            int yes = clamp((int) Math.round(2.1 * pain + rnd.nextGaussian() * 2), 0, 24);
            measure.add(
                    ++id,
                    p.programId,
                    p.patientId,
                    "RMDQ",
                    "1983",
                    timepoint,
                    on,
                    by,
                    who,
                    yesNo(rnd, 24, yes),
                    24,
                    0,
                    yes,
                    null,
                    null,
                    at);
        }
        if (baseline) {
            // STarT Back: 9 items, the more pain the more agreed with; items 5-9 the distress subscale.
            int[] items = new int[9];
            int total = 0;
            int sub = 0;
            for (int k = 0; k < 9; k++) {
                items[k] = rnd.nextDouble() < pain / 10 * 0.75 ? 1 : 0;
                total += items[k];
                sub += k >= 4 ? items[k] : 0;
            }
            String risk = total <= 3 ? "LOW" : sub >= 4 ? "HIGH" : "MEDIUM";
            StringBuilder sbst = new StringBuilder("[");
            for (int k = 0; k < 9; k++) {
                // Item 9 (bothersomeness) is on a 5-point scale: 3 or 4 count as agreeing.
                int value = k == 8 ? (items[k] == 1 ? 3 + rnd.nextInt(2) : rnd.nextInt(3)) : items[k];
                sbst.append(k == 0 ? "" : ",")
                        .append("{\"item\":\"q")
                        .append(k + 1)
                        .append("\",\"value\":")
                        .append(value)
                        .append('}');
            }
            sbst.append(']');
            measure.add(
                    ++id,
                    p.programId,
                    p.patientId,
                    "SBST",
                    "9-item 2007",
                    timepoint,
                    on,
                    by,
                    who,
                    sbst.toString(),
                    9,
                    0,
                    total,
                    sub,
                    risk,
                    at);
        }
        return id;
    }

    /** Answers to {@code n} yes/no items q1..qn with {@code yes} of them yes, at random. */
    private static String yesNo(Random rnd, int n, int yes) {
        boolean[] picked = new boolean[n];
        for (int k = 0, left = yes; left > 0; k = (k + 1) % n) {
            if (!picked[k] && rnd.nextInt(n) < yes) {
                picked[k] = true;
                left--;
            }
        }
        StringBuilder json = new StringBuilder("[");
        for (int k = 0; k < n; k++) {
            json.append(k == 0 ? "" : ",")
                    .append("{\"item\":\"q")
                    .append(k + 1)
                    .append("\",\"value\":")
                    .append(picked[k] ? 1 : 0)
                    .append('}');
        }
        return json.append(']').toString();
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? b : a;
    }
}
