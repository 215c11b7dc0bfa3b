package clinic.bench;

/**
 * The intended send times of an open-model run: request {@code i} is due at {@code start + i / rate}, whatever
 * happened to the requests before it. Latency is measured from this time, not from when the request actually left,
 * so a stalled server is charged for the requests it delayed (no coordinated omission). Each time is computed from
 * the start rather than by adding intervals, so rounding never drifts over a long run.
 *
 * @param startNanos {@link System#nanoTime()} of request 0
 * @param perSecond arrival rate, requests per second (positive)
 */
public record ArrivalSchedule(long startNanos, double perSecond) {

    public ArrivalSchedule {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("arrival rate must be a positive number, not " + perSecond);
        }
    }

    /** When request {@code i} (from 0) is due, in {@link System#nanoTime()} terms. */
    public long intendedNanos(long i) {
        return startNanos + Math.round(i * 1_000_000_000.0 / perSecond);
    }

    /** How many requests fall due in the first {@code durationNanos}: those with intended time before the end. */
    public long countWithin(long durationNanos) {
        long count = (long) Math.ceil(durationNanos * perSecond / 1_000_000_000.0);
        // Correct the floating-point edge so that exactly intendedNanos(count) >= end holds.
        while (count > 0 && intendedNanos(count - 1) >= startNanos + durationNanos) {
            count--;
        }
        while (intendedNanos(count) < startNanos + durationNanos) {
            count++;
        }
        return count;
    }
}
