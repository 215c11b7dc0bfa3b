package clinic.program.prescription;

import clinic.kit.problem.DomainException;

/**
 * Discharged programs are read-only: every write on one is refused with 409. (A placeholder of the discharge work's
 * shared check, same name and signature, so features that write to a program can call it now.)
 */
public final class Discharged {

    private Discharged() {}

    /** 409 when the program was discharged; nothing otherwise. */
    public static void refuseIfDischarged(Program program) {
        if (program.isDischarged()) {
            throw new DomainException.Conflict("This program was discharged on "
                    + (program.dischargedOn == null ? "an earlier day" : program.dischargedOn.toString())
                    + "; it is read-only.");
        }
    }
}
