package clinic.kit.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * In-memory token buckets, one per key (user and endpoint group): each holds up to {@code perMinute} tokens and
 * refills evenly at {@code perMinute} a minute, so a user may burst up to the minute's budget and then goes at the
 * refill rate. Per replica: with n replicas behind a load balancer a user gets up to n times the budget, which is
 * still a bound (docs/operations.md "Rate limits").
 */
public final class RateLimiter {

    /** Idle buckets are dropped once there are more than this many (a full bucket is the same as none). */
    static final int MAX_BUCKETS = 10_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    public RateLimiter() {
        this(System::nanoTime);
    }

    RateLimiter(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /**
     * Takes one token from the key's bucket.
     *
     * @return empty when allowed; otherwise how long until the next token
     */
    public java.util.Optional<Duration> acquire(String key, int perMinute) {
        if (perMinute <= 0) {
            return java.util.Optional.of(Duration.ofMinutes(1));
        }
        long now = nanoTime.getAsLong();
        if (buckets.size() > MAX_BUCKETS) {
            buckets.values().removeIf(b -> b.fullAt(now));
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(perMinute, now));
        return bucket.take(perMinute, now);
    }

    int size() {
        return buckets.size();
    }

    private static final class Bucket {
        private static final double NANOS_PER_MINUTE = 60e9;

        private final int capacity;
        private double tokens;
        private long updated;

        Bucket(int capacity, long now) {
            this.capacity = capacity;
            this.tokens = capacity;
            this.updated = now;
        }

        synchronized java.util.Optional<Duration> take(int perMinute, long now) {
            double perNano = perMinute / NANOS_PER_MINUTE;
            tokens = Math.min(Math.min(capacity, perMinute), tokens + (now - updated) * perNano);
            updated = now;
            if (tokens >= 1) {
                tokens -= 1;
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano)));
        }

        synchronized boolean fullAt(long now) {
            return tokens + (now - updated) * (capacity / NANOS_PER_MINUTE) >= capacity;
        }
    }
}
