package clinic.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket on its own, with a hand-driven clock. */
class RateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final RateLimiter limiter = new RateLimiter(now::get);

    @Test
    void aFullMinutesBudgetAtOnceThenTheRefillRate() {
        for (int i = 0; i < 6; i++) {
            assertThat(limiter.acquire("u", 6)).as("request %d", i + 1).isEmpty();
        }
        // 6 a minute: the next token comes 10 s after the bucket ran dry.
        assertThat(seconds(limiter.acquire("u", 6))).isEqualTo(10);
        advance(Duration.ofSeconds(4));
        assertThat(seconds(limiter.acquire("u", 6))).isEqualTo(6);
        advance(Duration.ofSeconds(6));
        assertThat(limiter.acquire("u", 6)).isEmpty();
        assertThat(limiter.acquire("u", 6)).isPresent();
    }

    @Test
    void keysAreIndependentAndAnIdleBucketRefillsOnlyToItsCapacity() {
        for (int i = 0; i < 2; i++) {
            limiter.acquire("a", 2);
        }
        assertThat(limiter.acquire("a", 2)).isPresent();
        assertThat(limiter.acquire("b", 2)).isEmpty();
        advance(Duration.ofHours(1));
        assertThat(limiter.acquire("a", 2)).isEmpty();
        assertThat(limiter.acquire("a", 2)).isEmpty();
        assertThat(limiter.acquire("a", 2)).isPresent();
    }

    @Test
    void idleBucketsAreDroppedWhenThereAreMany() {
        for (int i = 0; i <= RateLimiter.MAX_BUCKETS; i++) {
            limiter.acquire("user" + i, 60);
        }
        advance(Duration.ofMinutes(1));
        limiter.acquire("late", 60);
        assertThat(limiter.size()).isLessThan(10);
    }

    @Test
    void sensitivePathPatternsMatchOneSegment() {
        var pattern = RateLimitFilter.pathPattern("/api/patients/*/access");
        assertThat(pattern.matcher("/api/patients/12/access").matches()).isTrue();
        assertThat(pattern.matcher("/api/patients/12/access/").matches()).isTrue();
        assertThat(pattern.matcher("/api/patients/12/access-grants").matches()).isFalse();
        assertThat(pattern.matcher("/api/patients/12/x/access").matches()).isFalse();
        assertThat(pattern.matcher("/api/patients/access").matches()).isFalse();
    }

    private static long seconds(java.util.Optional<Duration> wait) {
        assertThat(wait).isPresent();
        return Math.round(wait.get().toMillis() / 1000.0);
    }

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }
}
