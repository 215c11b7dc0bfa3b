package clinic.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;

/**
 * Latencies of one measured run (HdrHistogram, microsecond resolution, three significant digits) with its successes
 * and errors. Safe to record into from many threads. A latency above a minute is recorded as a minute: such a
 * request has failed in every sense that matters here, and the histogram must keep a fixed size.
 */
public final class LatencyStats {

    static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(1);

    private final Histogram histogram = new SynchronizedHistogram(MAX_MICROS, 3);
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong untimed = new AtomicLong();
    /** Receives every outcome recorded here as well (a soak's whole-run figures), or null. */
    private final LatencyStats parent;

    public LatencyStats() {
        this(null);
    }

    /** Figures of their own that are also added to {@code parent}'s. */
    public LatencyStats(LatencyStats parent) {
        this.parent = parent;
    }

    private final Map<String, Long> errorKinds = new TreeMap<>();

    /** Records one successful request that took the given time (from its intended send time, in open loops). */
    public void recordNanos(long nanos) {
        long micros = Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos));
        histogram.recordValue(Math.min(micros, MAX_MICROS));
        if (parent != null) {
            parent.recordNanos(nanos);
        }
    }

    /** Counts a failed request (unexpected status, timeout, refused connection); {@code kind} is e.g. "HTTP 500". */
    public void recordError(String kind) {
        errors.incrementAndGet();
        synchronized (errorKinds) {
            errorKinds.merge(kind, 1L, Long::sum);
        }
        if (parent != null) {
            parent.recordError(kind);
        }
    }

    /** Counts successful requests whose latencies were measured elsewhere (wrk's saturation runs). */
    public void recordUntimedSuccesses(long count) {
        untimed.addAndGet(count);
    }

    public long successes() {
        return histogram.getTotalCount() + untimed.get();
    }

    public long errors() {
        return errors.get();
    }

    /** Errors over all requests; 0 when nothing was sent. */
    public double errorRate() {
        long total = successes() + errors();
        return total == 0 ? 0 : (double) errors() / total;
    }

    /** The latency at a percentile (0-100) in milliseconds; NaN when nothing succeeded. */
    public double percentileMillis(double percentile) {
        if (histogram.getTotalCount() == 0) {
            return Double.NaN;
        }
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    public double maxMillis() {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getMaxValue() / 1000.0;
    }

    /** How many errors of each kind, for the notes under the table. */
    public Map<String, Long> errorKinds() {
        synchronized (errorKinds) {
            return new TreeMap<>(errorKinds);
        }
    }
}
