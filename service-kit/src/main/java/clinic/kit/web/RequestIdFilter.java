package clinic.kit.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Takes the request id from {@code X-Request-Id} (or makes one), puts it in the logging MDC as {@value #MDC_KEY} (so
 * every log line of the request carries it, next to OpenTelemetry's {@code traceId}) and echoes it so clients can
 * quote it.
 */
public class RequestIdFilter {

    public static final String HEADER = "X-Request-Id";

    /** The MDC key of the request id: {@code %X{requestId}} in the console format, a field of JSON log lines. */
    public static final String MDC_KEY = "requestId";

    /** A header value is stored in the audit trail, so only short token-like values are trusted. */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final RequestId requestId;

    public RequestIdFilter(RequestId requestId) {
        this.requestId = requestId;
    }

    @ServerRequestFilter(preMatching = true)
    public void read(ContainerRequestContext request) {
        String given = request.getHeaderString(HEADER);
        if (given != null && SANE.matcher(given).matches()) {
            requestId.set(given);
        }
        MDC.put(MDC_KEY, requestId.value());
    }

    @ServerResponseFilter
    public void echo(ContainerResponseContext response) {
        response.getHeaders().putSingle(HEADER, requestId.value());
    }
}
