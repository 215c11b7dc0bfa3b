package clinic.program.outbound;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** An error answer of patient-service: its status, and its body (at most 4,000 characters) when it had one. */
public class PatientServiceError extends WebApplicationException {

    private final transient String body;

    public PatientServiceError(int status, String body) {
        super(
                "patient-service answered " + status,
                null,
                Response.status(status).build());
        this.body = body == null || body.length() <= 4000 ? body : body.substring(0, 4000);
    }

    public String body() {
        return body;
    }
}
