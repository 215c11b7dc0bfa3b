package clinic.portal.common;

import clinic.portal.outbound.ProgramApi.Program;
import clinic.portal.outbound.ProgramServiceClient;
import clinic.portal.outbound.ServiceException;

/**
 * The patient's discharged program, for the pages that have no current program to show: program-service answers
 * {@code /api/programs/me} as "no program" after a discharge, and that answer may name the discharged program
 * ({@code dischargedProgramId}, {@code dischargedOn}); a service that still returns the program with status DISCHARGED
 * is read the same way. Fails soft: null when there is none or the service cannot say.
 */
public record DischargedProgram(long id, String dischargedOn) {

    public static DischargedProgram of(ProgramServiceClient programs) {
        try {
            Program p = programs.myProgram();
            if (p != null && p.id() != null && p.isDischarged()) {
                return new DischargedProgram(p.id(), p.dischargedOn());
            }
            return null;
        } catch (ServiceException e) {
            if (e.status() == 404 && e.problem() != null && e.problem().dischargedProgramId() != null) {
                return new DischargedProgram(
                        e.problem().dischargedProgramId(), e.problem().dischargedOn());
            }
            return null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
