package clinic.portal.common;

import clinic.portal.outbound.ServiceException;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs one service call so that a failing or slow service degrades one panel of a page instead of the whole page.
 * Only the status or the kind of failure is logged: never a body, a name or a token.
 */
public final class Calls {

    private static final Logger LOG = Logger.getLogger(Calls.class);

    public static final String PATIENTS = "patient service";
    public static final String PROGRAMS = "program service";

    private Calls() {}

    /** A 403 of either service because the caller is not in the patient's care team. */
    public static boolean isNotInCareTeam(ServiceException e) {
        return e.status() == 403 && e.problem() != null && e.problem().isNotInCareTeam();
    }

    public static <T> Outcome<T> attempt(String serviceName, Supplier<T> call) {
        try {
            return Outcome.ok(call.get());
        } catch (ServiceException e) {
            if (isNotInCareTeam(e)) {
                // Not a panel's failure: the whole page is about a patient the user may not see. ErrorPages shows the
                // care-team page with the way to ask for access, for every page alike.
                throw e;
            }
            if (e.status() >= 500) {
                LOG.warnf("The %s answered %d", serviceName, e.status());
            }
            return Outcome.failed(Notice.from(e, serviceName));
        } catch (RuntimeException e) {
            // Timeouts, refused connections, unreadable answers: all mean "not available now" to the user.
            LOG.warnf("The %s is unavailable: %s", serviceName, e.getClass().getSimpleName());
            return Outcome.failed(Notice.unreachable(serviceName));
        }
    }
}
