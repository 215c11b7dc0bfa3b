package clinic.kit.web;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/**
 * The W3C trace id (32 hex digits) of the span current on this thread, as OpenTelemetry keeps it: the trace a
 * caller's {@code traceparent} header started, or one this service started. Stored next to the request id in audit
 * rows so an audit event leads to its trace (and to every log line of it, which carry {@code traceId} in the MDC).
 */
public final class TraceId {

    private TraceId() {}

    /** The current trace id, or null where no trace is active (OpenTelemetry off, or outside any span). */
    public static String current() {
        SpanContext context = Span.current().getSpanContext();
        return context.isValid() ? context.getTraceId() : null;
    }
}
