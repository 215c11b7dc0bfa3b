package clinic.program.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The clinic's own counters on {@code /q/metrics} (management interface), documented in docs/operations.md
 * "Observability" and used by infra/observability's dashboard. Tags carry only small fixed vocabularies (an outcome,
 * an alert rule), never a patient, program or user id.
 */
@ApplicationScoped
public class ClinicMetrics {

    /** Prometheus: {@code clinic_session_logs_total{outcome}}. */
    public static final String SESSION_LOGS = "clinic.session.logs";
    /** Prometheus: {@code clinic_alerts_raised_total{type}}. */
    public static final String ALERTS_RAISED = "clinic.alerts.raised";
    /** Prometheus: {@code clinic_clearance_calls_total{outcome}}. */
    public static final String CLEARANCE_CALLS = "clinic.clearance.calls";

    /** A session log stored. */
    public static final String LOGGED = "logged";
    /** The stored answer of an earlier request with the same Idempotency-Key. */
    public static final String REPLAYED = "replayed";
    /** Refused by the rules (paused or ended program, invalid content, reused key): nothing stored. */
    public static final String REJECTED = "rejected";

    /** patient-service answered with a clearance. */
    public static final String OK = "ok";
    /** patient-service knows no such patient (404). */
    public static final String NOT_FOUND = "not_found";
    /** patient-service refused the caller (401/403). */
    public static final String REFUSED = "refused";
    /** No answer in time, a 5xx, no connection, or the circuit breaker open: the request got a 503. */
    public static final String UNAVAILABLE = "unavailable";

    private final MeterRegistry registry;

    public ClinicMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void sessionLog(String outcome) {
        counter(SESSION_LOGS, "Session logs posted by patients, by outcome", "outcome", outcome)
                .increment();
    }

    /** An alert stored, tagged with its rule (the alert type, such as PAIN_SPIKE or NO_RECENT_LOG). */
    public void alertRaised(String type) {
        counter(ALERTS_RAISED, "Alerts raised, by rule", "type", type).increment();
    }

    public void clearanceCall(String outcome) {
        counter(CLEARANCE_CALLS, "Clearance calls to patient-service, by outcome", "outcome", outcome)
                .increment();
    }

    private Counter counter(String name, String description, String tag, String value) {
        return Counter.builder(name).description(description).tag(tag, value).register(registry);
    }
}
