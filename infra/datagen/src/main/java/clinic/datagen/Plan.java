package clinic.datagen;

import clinic.rules.ProgressRules;
import java.time.LocalDate;
import java.util.Random;

/**
 * One synthetic patient and their program, decided before any row is written: who, since when, how faithfully they
 * log, how their pain goes, and when their physio moved them on. The day-by-day logs are drawn later from
 * {@link #logSeed} so both passes agree without keeping a million rows in memory.
 */
final class Plan {

    /** How a patient's pain goes over the program. */
    enum Course {
        IMPROVING,
        FLAT,
        WORSENING
    }

    /** Eight physios with uneven caseloads; the first two are the demo realm's logins. */
    static final String[] PHYSIOS = {
        "physio", "physio2", "physio3", "physio4", "physio5", "physio6", "physio7", "physio8"
    };

    private static final double[] PHYSIO_WEIGHTS = {1.5, 1.3, 1.2, 1.0, 1.0, 0.9, 0.7, 0.4};

    long patientId;
    long programId;
    String clinicNumber;
    String account;
    String physio;
    LocalDate registeredOn;
    LocalDate startedOn;
    /** Last day the patient logs (yesterday, or earlier for someone who stopped). */
    LocalDate lastLogDay;

    boolean droppedOut;
    double adherence;
    Course course;
    double baseline;
    double floor;
    double tau;
    double rise;
    double riseDays;
    double drift;
    /** Days after the start when phase 2 and phase 3 began, or -1. */
    int phase2Day = -1;

    int phase3Day = -1;
    long logSeed;

    /** The day the physio discharged the program (its last log day at the latest), or null while it runs. */
    LocalDate dischargedOn;

    /** One of program-service's discharge reason codes when discharged. */
    String dischargeReason;

    /** Share of the programs that ran 10 weeks or more that the physio discharged (those still logging). */
    static final double DISCHARGED_SHARE = 0.15;

    /** Share of the patients who stopped logging that the physio discharged two weeks after their last log. */
    static final double DISCHARGED_DROPOUT_SHARE = 0.5;

    /** A program is discharged 6 to 18 weeks after its start. */
    static final int FIRST_DISCHARGE_DAY = 42;

    static final int DISCHARGE_DAYS = 84;

    int phase() {
        return phase3Day >= 0 ? 3 : phase2Day >= 0 ? 2 : 1;
    }

    int phaseOn(int day) {
        if (phase3Day >= 0 && day >= phase3Day) {
            return 3;
        }
        return phase2Day >= 0 && day >= phase2Day ? 2 : 1;
    }

    LocalDate phaseSince() {
        int phase = phase();
        return startedOn.plusDays(phase == 3 ? phase3Day : phase == 2 ? phase2Day : 0);
    }

    /** The underlying pain (0-10, before the session) on day {@code t} of the program, without day-to-day noise. */
    double trend(int t) {
        return switch (course) {
            case IMPROVING -> floor + (baseline - floor) * Math.exp(-t / tau);
            case FLAT -> Math.max(0, Math.min(10, baseline + drift * t / 90.0));
            case WORSENING -> Math.min(10, baseline + rise * Math.min(1.0, t / riseDays));
        };
    }

    /**
     * Draws a plan. {@code today} is the generation day; programs start between 1 and 365 days before it.
     *
     * @param adherenceScale stretches every patient's logging rate so the whole clinic lands near the wanted number
     *     of logs; 1 on the first draw
     */
    static Plan draw(Random rnd, LocalDate today, double adherenceScale) {
        Plan p = new Plan();
        p.physio = PHYSIOS[weighted(rnd, PHYSIO_WEIGHTS)];
        int daysAgo = 1 + rnd.nextInt(365);
        p.startedOn = today.minusDays(daysAgo);
        p.registeredOn = p.startedOn.minusDays(rnd.nextInt(15));
        // Adherence from about 10 % to 100 %, more patients near the top than the bottom, as in clinics.
        p.adherence = Math.min(1.0, (0.10 + 0.90 * Math.pow(rnd.nextDouble(), 0.8)) * adherenceScale);
        int days = daysAgo; // start .. yesterday
        p.lastLogDay = today.minusDays(1);
        if (days > 14 && rnd.nextDouble() < 0.15) {
            p.droppedOut = true;
            p.lastLogDay = p.startedOn.plusDays((long) (days * (0.2 + 0.7 * rnd.nextDouble())));
        }
        double c = rnd.nextDouble();
        p.course = c < 0.65 ? Course.IMPROVING : c < 0.90 ? Course.FLAT : Course.WORSENING;
        p.baseline = 3.5 + 3.5 * rnd.nextDouble();
        p.floor = 0.5 + 2.5 * rnd.nextDouble();
        p.tau = 14 + 46 * rnd.nextDouble();
        p.rise = 1.0 + 1.5 * rnd.nextDouble();
        p.riseDays = 21 + 40 * rnd.nextDouble();
        p.drift = -0.8 + 1.3 * rnd.nextDouble();
        p.decideDischarge(rnd, today, daysAgo);
        if (p.dischargedOn != null) {
            days = (int) (p.dischargedOn.toEpochDay() - p.startedOn.toEpochDay());
        }
        p.decidePhases(rnd, days);
        p.logSeed = rnd.nextLong();
        return p;
    }

    /**
     * Some older programs end: a share of those still logging after 10 weeks or more are discharged 6 to 18 weeks in,
     * with a reason that fits how their pain went; half of the patients who stopped logging are discharged two weeks
     * after their last log as not engaging. Logs stop at the discharge. The draws are made for every plan, so a plan's
     * later draws do not depend on whether it was discharged.
     */
    private void decideDischarge(Random rnd, LocalDate today, int daysAgo) {
        double share = rnd.nextDouble();
        int day = FIRST_DISCHARGE_DAY + rnd.nextInt(DISCHARGE_DAYS);
        double reason = rnd.nextDouble();
        if (droppedOut) {
            LocalDate on = lastLogDay.plusDays(14);
            if (share < DISCHARGED_DROPOUT_SHARE && on.isBefore(today)) {
                dischargedOn = on;
                dischargeReason = "DID_NOT_ENGAGE";
            }
            return;
        }
        if (daysAgo < 70 || share >= DISCHARGED_SHARE || day >= daysAgo) {
            return;
        }
        dischargedOn = startedOn.plusDays(day);
        dischargeReason = switch (course) {
            case IMPROVING -> reason < 0.6
                    ? "GOALS_MET"
                    : reason < 0.9 ? "SELF_MANAGING" : reason < 0.96 ? "PATIENT_CHOICE" : "OTHER";
            case FLAT -> reason < 0.4
                    ? "SELF_MANAGING"
                    : reason < 0.7 ? "REFERRED_ON" : reason < 0.9 ? "PATIENT_CHOICE" : "OTHER";
            case WORSENING -> reason < 0.8 ? "REFERRED_ON" : reason < 0.9 ? "PATIENT_CHOICE" : "OTHER";
        };
        if (lastLogDay.isAfter(dischargedOn)) {
            lastLogDay = dischargedOn;
        }
    }

    boolean isDischarged() {
        return dischargedOn != null;
    }

    /** The progress rules' thresholds (clinic.rules), which the physio below follows. */
    private static final ProgressRules.Thresholds PROGRESS = ProgressRules.Thresholds.DEFAULTS;

    /**
     * A physio close to the phase-3 mark moves the patient on: the rule's mean is of whole-number daily scores, and the
     * underlying pain here is without their noise.
     */
    private static final double PHASE_3_JUDGEMENT_MARGIN = 0.2;

    /**
     * The physio reviews weekly: phase 2 once the pain has settled to the progress rules' phase-1 mark (4) or less
     * (after at least two weeks), phase 3 once it is within a little of the phase-2 mark (2) after at least three weeks
     * of phase 2. Some flat courses are moved on by judgement.
     */
    private void decidePhases(Random rnd, int days) {
        if (course == Course.WORSENING) {
            return;
        }
        if (course == Course.FLAT) {
            if (trend(28) <= 5 && rnd.nextDouble() < 0.35) {
                int day = 28 + 7 * rnd.nextInt(6);
                if (day < days) {
                    phase2Day = day;
                }
            }
            return;
        }
        for (int day = 14; day < days; day += 7) {
            if (phase2Day < 0 && trend(day) <= PROGRESS.advanceToTwoMean()) {
                phase2Day = day;
            } else if (phase2Day >= 0
                    && day >= phase2Day + 21
                    && trend(day) <= PROGRESS.advanceToThreeMean() + PHASE_3_JUDGEMENT_MARGIN) {
                phase3Day = day;
                return;
            }
        }
    }

    /** Days the patient could have logged: from the start to the last log day. */
    int loggableDays() {
        return (int) (lastLogDay.toEpochDay() - startedOn.toEpochDay() + 1);
    }

    private static int weighted(Random rnd, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = rnd.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
