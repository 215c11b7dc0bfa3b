package clinic.portal.common;

import clinic.portal.outbound.ProblemBody;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The page a physio sees when a service answers 403 "not in care team" for a patient: whose care team it is, whom to
 * ask, and the break-the-glass form (a reason, recorded in the audit) for an emergency.
 */
public final class CareTeamPage {

    /** The break-the-glass reason's length, as patient-service checks it. */
    public static final int REASON_MIN = 10;

    public static final int REASON_MAX = 500;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notInCareTeam(
                Long patientId, String carePhysio, String reason, String reasonError, Notice notice);
    }

    private CareTeamPage() {}

    /**
     * The care-team page (403) from the service's problem document; {@code reason} and {@code reasonError} keep a
     * refused form's input and say what to fix, {@code notice} a service failure of the break-the-glass call.
     */
    public static Response refused(ProblemBody problem, String reason, String reasonError) {
        return render(403, problem.patientId(), problem.carePhysio(), reason, reasonError, null);
    }

    public static Response render(
            int status, Long patientId, String carePhysio, String reason, String reasonError, Notice notice) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.notInCareTeam(patientId, carePhysio, reason, reasonError, notice)
                        .render())
                .build();
    }

    /** What is wrong with a break-the-glass reason, in the page's language ({@code care}), or null when it may be sent. */
    public static String checkReason(String reason, Care care) {
        String text = reason == null ? "" : reason.strip();
        if (text.length() < REASON_MIN) {
            return care.ctp_reason_too_short(REASON_MIN);
        }
        if (text.length() > REASON_MAX) {
            return care.ctp_reason_too_long(REASON_MAX);
        }
        return null;
    }
}
