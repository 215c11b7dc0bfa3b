package clinic.portal.outbound;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** The audit trail as both services show it ({@code GET /api/audit}, {@code GET /api/audit/me}): the same shape. */
public final class AuditApi {

    private AuditApi() {}

    /** One audited access or change; {@code at} is a UTC instant, {@code reason} is set for break-the-glass. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(
            Long id,
            String service,
            String at,
            String user,
            String role,
            String action,
            Long patientId,
            Long programId,
            String outcome,
            String reason,
            String requestId) {

        /** This entry marked with the service it came from, when the service did not say. */
        public Entry from(String serviceName) {
            return service != null && !service.isBlank()
                    ? this
                    : new Entry(
                            id, serviceName, at, user, role, action, patientId, programId, outcome, reason, requestId);
        }
    }

    /** One page of the admin's audit view, newest first. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(List<Entry> items, Integer page, Integer size, Long total) {

        public List<Entry> itemsOrEmpty() {
            return items == null ? List.of() : items;
        }
    }
}
