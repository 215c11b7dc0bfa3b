package clinic.portal.common;

import clinic.portal.i18n.Msg;
import clinic.portal.i18n.Texts;
import clinic.portal.outbound.ProblemBody;
import clinic.portal.outbound.ServiceException;
import java.util.List;

/**
 * What a page says when a service call failed: a sentence for people, inline field messages for 400, the caution
 * list of a 422, and whether the whole service was unreachable (a degraded panel).
 */
public record Notice(
        int status,
        String message,
        List<ProblemBody.Violation> violations,
        List<ProblemBody.Caution> cautions,
        boolean unavailable) {

    /** Turns a service's error answer into page text; the service's own detail is shown, never a raw body. */
    public static Notice from(ServiceException e, String serviceName) {
        ProblemBody p = e.problem();
        String detail = p != null && p.detail() != null && !p.detail().isBlank() ? p.detail() : null;
        List<ProblemBody.Violation> violations = p != null && p.violations() != null ? p.violations() : List.of();
        List<ProblemBody.Caution> cautions = p != null && p.cautions() != null ? p.cautions() : List.of();
        Msg msg = Texts.msg();
        String service = serviceWords(serviceName, msg);
        String message =
                switch (e.status()) {
                    case 400 -> msg.notice_fields() + (detail != null ? " " + detail : "");
                    case 401 -> msg.notice_signed_out();
                    case 403 -> msg.notice_role();
                    case 404 -> msg.notice_not_found();
                    case 409 -> msg.notice_conflict() + (detail != null ? " " + detail : "");
                    case 422 -> detail != null ? detail : msg.notice_rule();
                    case 503 -> msg.notice_busy(service)
                            + (e.retryAfter() != null ? " " + msg.notice_retry(e.retryAfter()) : "");
                    default -> msg.notice_failed(service, e.status());
                };
        return new Notice(e.status(), message, violations, cautions, e.status() >= 500);
    }

    /** The service did not answer at all (down, timeout, connection refused). */
    public static Notice unreachable(String serviceName) {
        Msg msg = Texts.msg();
        return new Notice(503, msg.notice_unreachable(serviceWords(serviceName, msg)), List.of(), List.of(), true);
    }

    /** A message of the portal itself, e.g. a form check before anything is sent. */
    public static Notice of(String message, List<ProblemBody.Violation> violations) {
        return new Notice(400, message, violations, List.of(), false);
    }

    /** The two services by the names {@link Calls} gives them, in the request's language; any other name as given. */
    private static String serviceWords(String serviceName, Msg msg) {
        if (Calls.PATIENTS.equals(serviceName)) {
            return msg.service_patients();
        }
        if (Calls.PROGRAMS.equals(serviceName)) {
            return msg.service_programs();
        }
        return serviceName;
    }

    public boolean isNotFound() {
        return status == 404;
    }

    /** The message for one form field, or null; field names equal the API's JSON names. */
    public String field(String name) {
        if (violations == null) {
            return null;
        }
        return violations.stream()
                .filter(v -> name.equals(v.field())
                        || (v.field() != null
                                && (v.field().endsWith("." + name) || v.field().startsWith(name + "["))))
                .map(ProblemBody.Violation::message)
                .findFirst()
                .orElse(null);
    }

    public boolean hasCautions() {
        return cautions != null && !cautions.isEmpty();
    }
}
