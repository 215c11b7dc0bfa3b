package clinic.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import org.junit.jupiter.api.Test;

class TraceIdTest {

    @Test
    void theCurrentSpansTraceIdIsTheTraceId() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        Span span = Span.wrap(
                SpanContext.create(traceId, "00f067aa0ba902b7", TraceFlags.getDefault(), TraceState.getDefault()));
        try (Scope ignored = span.makeCurrent()) {
            assertThat(TraceId.current()).isEqualTo(traceId);
        }
    }

    @Test
    void noTraceOutsideASpan() {
        assertThat(TraceId.current()).isNull();
    }
}
