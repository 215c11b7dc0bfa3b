package clinic.portal.outcome;

import clinic.portal.common.Calls;
import clinic.portal.common.Notice;
import clinic.portal.common.Outcome;
import clinic.portal.outbound.ProblemBody.Violation;
import clinic.portal.outbound.ProgramApi.DueMeasure;
import clinic.portal.outbound.ProgramApi.Instrument;
import clinic.portal.outbound.ProgramApi.MeasuresDue;
import clinic.portal.outbound.ProgramServiceClient;
import jakarta.ws.rs.NotFoundException;
import java.util.List;
import java.util.Locale;

/** What the patient's and the physio's questionnaire pages share: finding the instrument and what is due of it. */
final class Questionnaires {

    private Questionnaires() {}

    /**
     * The instrument with this code, switched on in this clinic; the 404 page for any other code. A failing service
     * is a notice.
     */
    static Outcome<Instrument> instrument(ProgramServiceClient programs, String code) {
        Outcome<List<Instrument>> all = Calls.attempt(Calls.PROGRAMS, programs::instruments);
        if (!all.isOk()) {
            return Outcome.failed(all.notice());
        }
        String wanted = code == null ? "" : code.toUpperCase(Locale.ROOT);
        return all.value() == null
                ? Outcome.failed(Notice.unreachable(Calls.PROGRAMS))
                : all.value().stream()
                        .filter(i -> wanted.equals(i.code()) && i.isEnabled())
                        .findFirst()
                        .map(Outcome::ok)
                        .orElseThrow(NotFoundException::new);
    }

    /** The time points of one instrument in the due list (all of them when the list is unknown: empty). */
    static List<DueMeasure> of(Outcome<MeasuresDue> due, String code) {
        if (!due.isOk() || due.value() == null) {
            return List.of();
        }
        return due.value().items().stream()
                .filter(d -> code.equals(d.instrument()))
                .toList();
    }

    /** The service's refusal as the form shows it: its violations at the items, its message on top. */
    static List<Violation> violations(Notice notice) {
        return notice.violations() == null ? List.of() : notice.violations();
    }
}
