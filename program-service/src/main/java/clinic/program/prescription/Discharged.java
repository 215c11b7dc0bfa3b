package clinic.program.prescription;

import clinic.kit.problem.DomainException;

/**
 * The read-only rule of a discharged program, one check for every write on a program (sessions, phase moves, exercise
 * updates, holds, resumes, measures, a second discharge): 409 problem+json of type {@link #TYPE} whose detail says
 * when it was discharged.
 */
public final class Discharged {

    public static final String TYPE = "https://clinic.example/problems/program-discharged";

    public static final String TITLE = "Program discharged";

    /** The problem type of a discharge summary asked for before the program was discharged. */
    public static final String NOT_DISCHARGED_TYPE = "https://clinic.example/problems/program-not-discharged";

    public static final String NOT_DISCHARGED_TITLE = "Program not discharged";

    private Discharged() {}

    /** 409 {@code /program-discharged} when the program is discharged; nothing otherwise. */
    public static void refuseIfDischarged(Program program) {
        if (program != null && program.isDischarged()) {
            throw new DomainException.Conflict(
                    TYPE, TITLE, "This program was discharged on " + program.dischargedOn + "; it is read-only.");
        }
    }

    /** 409 {@code /program-not-discharged} unless the program is discharged (its summary exists only then). */
    public static void requireDischarged(Program program) {
        if (program != null && !program.isDischarged()) {
            throw new DomainException.Conflict(
                    NOT_DISCHARGED_TYPE,
                    NOT_DISCHARGED_TITLE,
                    "This program has not been discharged; its discharge summary is written at discharge.");
        }
    }
}
