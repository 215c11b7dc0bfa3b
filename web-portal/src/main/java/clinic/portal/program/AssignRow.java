package clinic.portal.program;

import clinic.portal.outbound.ProgramApi.Prescription;

/** One exercise row of the assign review: the dosage as typed and whether it stays in the program. */
public record AssignRow(
        String exercise,
        String name,
        String sets,
        String reps,
        String holdSeconds,
        String minutes,
        String timesPerDay,
        boolean perSide,
        boolean included,
        String caution) {

    /** The same row with the library's caution for this phase, so the physio sees it before confirming. */
    AssignRow withCaution(String text) {
        return new AssignRow(exercise, name, sets, reps, holdSeconds, minutes, timesPerDay, perSide, included, text);
    }

    static AssignRow of(Prescription p, String name) {
        return new AssignRow(
                p.exercise(),
                name != null ? name : p.name() != null ? p.name() : p.exercise(),
                text(p.sets()),
                text(p.reps()),
                text(p.holdSeconds()),
                text(p.minutes()),
                text(p.timesPerDay()),
                Boolean.TRUE.equals(p.perSide()),
                true,
                null);
    }

    private static String text(Integer value) {
        return value == null ? "" : value.toString();
    }
}
