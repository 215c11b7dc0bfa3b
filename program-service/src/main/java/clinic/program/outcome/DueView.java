package clinic.program.outcome;

import java.time.LocalDate;
import java.util.List;

/** What is due of a program's questionnaires, per instrument and time point. */
public record DueView(long programId, List<Due> due) {

    public static final String DUE = "DUE";
    public static final String OVERDUE = "OVERDUE";
    public static final String UPCOMING = "UPCOMING";
    public static final String DONE = "DONE";
    public static final String MISSED = "MISSED";
    public static final String AT_DISCHARGE = "AT_DISCHARGE";

    /**
     * @param status DUE (open, not yet past its due date), OVERDUE (open, past it), UPCOMING (not open yet), DONE,
     *     MISSED (closed unanswered), AT_DISCHARGE (the physio asks for it at discharge)
     */
    public record Due(
            String instrument,
            String instrumentName,
            String timepoint,
            LocalDate opensOn,
            LocalDate dueOn,
            String status,
            LocalDate completedOn) {}
}
