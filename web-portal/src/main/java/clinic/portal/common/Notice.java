package clinic.portal.common;

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
        String message =
                switch (e.status()) {
                    case 400 -> "Some fields need attention." + (detail != null ? " " + detail : "");
                    case 401 -> "Your session has ended. Please sign in again.";
                    case 403 -> "Your role may not do this.";
                    case 404 -> "Not found: it does not exist or is not yours to see.";
                    case 409 -> "This was changed by someone else or already exists. Reload the page and try again."
                            + (detail != null ? " " + detail : "");
                    case 422 -> detail != null ? detail : "A clinical rule does not allow this.";
                    case 503 -> "The " + serviceName + " is busy or down."
                            + (e.retryAfter() != null ? " Try again in " + e.retryAfter() + " seconds." : "");
                    default -> "The " + serviceName + " could not do this right now (status " + e.status() + ").";
                };
        return new Notice(e.status(), message, violations, cautions, e.status() >= 500);
    }

    /** The service did not answer at all (down, timeout, connection refused). */
    public static Notice unreachable(String serviceName) {
        return new Notice(
                503,
                "The " + serviceName + " is not reachable right now. The rest of this page still works; try again"
                        + " in a minute.",
                List.of(),
                List.of(),
                true);
    }

    /** A message of the portal itself, e.g. a form check before anything is sent. */
    public static Notice of(String message, List<ProblemBody.Violation> violations) {
        return new Notice(400, message, violations, List.of(), false);
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
