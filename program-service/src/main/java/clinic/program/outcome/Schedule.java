package clinic.program.outcome;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * When each time point of a program is open (docs/outcome-measures.md, "Schedule"):
 *
 * <ul>
 *   <li>{@code BASELINE} opens on the program's start and is due within its first week ({@link #BASELINE_DAYS} days,
 *       the start day included); it stays open, overdue, until answered.
 *   <li>{@code WEEK_<n>} for each configured n: due on the start + n weeks, open from {@link #OPENS_BEFORE} days
 *       before, overdue after, and missed once the next week's window opens. The last one stays open until answered
 *       or discharge.
 *   <li>{@code DISCHARGE}: no dates; the physio asks for it at discharge, while the program is current.
 * </ul>
 *
 * Stratification screens (STarT Back) have the baseline only.
 */
public final class Schedule {

    /** Days the baseline is due in, the start day included. */
    public static final int BASELINE_DAYS = 7;

    /** Days before a week's due date that its window opens. */
    public static final int OPENS_BEFORE = 3;

    /**
     * One time point's dates.
     *
     * @param opensOn first day it may be answered (null for DISCHARGE)
     * @param dueOn the day it is due (null for DISCHARGE)
     * @param closesOn first day it may no longer be answered (null: open until answered or discharge)
     */
    public record Slot(String timepoint, LocalDate opensOn, LocalDate dueOn, LocalDate closesOn) {

        public boolean isDischarge() {
            return MeasureResponse.DISCHARGE.equals(timepoint);
        }

        /** Whether a questionnaire completed on {@code day} may count for this time point (DISCHARGE: always). */
        public boolean openOn(LocalDate day) {
            if (isDischarge()) {
                return true;
            }
            return !day.isBefore(opensOn) && (closesOn == null || day.isBefore(closesOn));
        }
    }

    private Schedule() {}

    /** The configured weeks, positive, without repeats, in order. */
    public static List<Integer> weeks(List<Integer> configured) {
        TreeSet<Integer> weeks = new TreeSet<>();
        for (Integer w : configured) {
            if (w != null && w > 0) {
                weeks.add(w);
            }
        }
        return List.copyOf(weeks);
    }

    /** The time points of an instrument of {@code kind} for a program started on {@code start}. */
    public static List<Slot> slots(String kind, LocalDate start, List<Integer> weeks) {
        List<Slot> slots = new ArrayList<>();
        slots.add(new Slot(MeasureResponse.BASELINE, start, start.plusDays(BASELINE_DAYS - 1L), null));
        if (Instrument.STRATIFICATION.equals(kind)) {
            return slots;
        }
        List<Integer> ordered = weeks(weeks);
        for (int i = 0; i < ordered.size(); i++) {
            LocalDate due = start.plusWeeks(ordered.get(i));
            LocalDate closes =
                    i + 1 < ordered.size() ? start.plusWeeks(ordered.get(i + 1)).minusDays(OPENS_BEFORE) : null;
            slots.add(new Slot(MeasureResponse.week(ordered.get(i)), due.minusDays(OPENS_BEFORE), due, closes));
        }
        slots.add(new Slot(MeasureResponse.DISCHARGE, null, null, null));
        return slots;
    }
}
