package clinic.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives one kind of request in two ways: a closed loop (a fixed number of workers, each sending the next request
 * as soon as the last answered) to find the throughput at saturation, and an open loop (requests sent at fixed
 * intended times whatever the server does) for honest latencies. Requests are plain {@code java.net.http}, HTTP/1.1
 * with keep-alive, as a browser or a service client would send them.
 */
public final class LoadGenerator {

    /** Builds request {@code i} of a run and says which status counts as success. */
    public interface RequestSource {
        HttpRequest request(long i);

        default int expectedStatus() {
            return 200;
        }

        /** The success status of request {@code i}, for sources that mix reads and writes. */
        default int expectedStatus(long i) {
            return expectedStatus();
        }
    }

    /** Open-loop requests in flight beyond this are counted as errors instead of sent: the server has collapsed. */
    static final int MAX_IN_FLIGHT = 2_000;

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client;

    public LoadGenerator() {
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Throughput of a closed loop: successful requests per second over the run, with their (closed) latencies. */
    public record Closed(double perSecond, LatencyStats stats) {}

    /** {@code concurrency} workers send back to back for {@code duration}. */
    public Closed closedLoop(RequestSource source, int concurrency, Duration duration) throws InterruptedException {
        LatencyStats stats = new LatencyStats();
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            Thread worker = new Thread(
                    () -> {
                        while (System.nanoTime() < end) {
                            long t0 = System.nanoTime();
                            long i = next.getAndIncrement();
                            try {
                                HttpResponse<Void> response =
                                        client.send(source.request(i), HttpResponse.BodyHandlers.discarding());
                                if (response.statusCode() == source.expectedStatus(i)) {
                                    stats.recordNanos(System.nanoTime() - t0);
                                } else {
                                    stats.recordError("HTTP " + response.statusCode());
                                }
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return;
                            } catch (Exception e) {
                                stats.recordError(kind(e));
                            }
                        }
                    },
                    "bench-closed-" + w);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Closed(stats.successes() / seconds, stats);
    }

    /**
     * Sends at {@code perSecond} for {@code duration}, each request at its intended time from {@link ArrivalSchedule}
     * and timed from that intended time to its answer, then waits for the answers still due.
     */
    public LatencyStats openLoop(RequestSource source, double perSecond, Duration duration)
            throws InterruptedException {
        return openLoop(source, perSecond, duration, 0, null);
    }

    /**
     * The same, with request indexes from {@code firstIndex} on, each outcome also recorded into {@code alsoInto}
     * (when not null): a soak runs minute after minute and keeps the whole run's figures besides each minute's.
     */
    public LatencyStats openLoop(
            RequestSource source, double perSecond, Duration duration, long firstIndex, LatencyStats alsoInto)
            throws InterruptedException {
        LatencyStats stats = alsoInto == null ? new LatencyStats() : new LatencyStats(alsoInto);
        AtomicLong inFlight = new AtomicLong();
        long start = System.nanoTime() + 1_000_000;
        ArrivalSchedule schedule = new ArrivalSchedule(start, perSecond);
        long count = schedule.countWithin(duration.toNanos());
        List<CompletableFuture<?>> pending = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            long intended = schedule.intendedNanos(i);
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (inFlight.get() >= MAX_IN_FLIGHT) {
                stats.recordError("not sent: " + MAX_IN_FLIGHT + " requests already waiting");
                continue;
            }
            inFlight.incrementAndGet();
            int expected = source.expectedStatus(firstIndex + i);
            CompletableFuture<?> answer = client.sendAsync(
                            source.request(firstIndex + i), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> {
                        long took = System.nanoTime() - intended;
                        inFlight.decrementAndGet();
                        if (failure != null) {
                            stats.recordError(kind(failure));
                        } else if (response.statusCode() != expected) {
                            stats.recordError("HTTP " + response.statusCode());
                        } else {
                            stats.recordNanos(took);
                        }
                    });
            pending.add(answer);
            if (pending.size() > 10_000) {
                pending.removeIf(CompletableFuture::isDone);
            }
        }
        for (CompletableFuture<?> answer : pending) {
            try {
                answer.join();
            } catch (RuntimeException alreadyCounted) {
                // recorded as an error by whenComplete
            }
        }
        return stats;
    }

    static HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(java.net.URI.create(url))
                .timeout(REQUEST_TIMEOUT)
                .GET();
    }

    private static String kind(Throwable e) {
        Throwable cause =
                e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof HttpTimeoutException) {
            return "timeout after " + REQUEST_TIMEOUT.toSeconds() + " s";
        }
        return cause.getClass().getSimpleName();
    }
}
