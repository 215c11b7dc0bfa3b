package clinic.bench;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A long run at half of saturation on a mix of reads and writes, to find what short runs cannot: errors that come
 * with time (expiring tokens, exhausted pools, a full disk) and memory that keeps growing. Minute by minute it sends
 * the mix at a fixed rate (an open loop) and samples each service's RSS; the verdict is 0 errors and RSS growth under
 * {@value #RSS_GROWTH_TARGET_PERCENT} % from the end of minute {@value #SETTLED_MINUTE} (start-up and warm-up are over
 * by then) to the end.
 *
 * <p>The mix, of every 20 requests: 10 today's routines and 3 progress pages (patients' tokens), 3 patient records
 * (the physio's token, audited) and 4 session logs (a fresh Idempotency-Key each). Readers and writers are different
 * bench patients, so the routines read do not grow with the logs written.
 */
final class Soak {

    static final double RSS_GROWTH_TARGET_PERCENT = 10;
    static final int SETTLED_MINUTE = 5;

    /** One minute of the soak: its latencies and errors, and each service's RSS (kB) at its end. */
    record Minute(int minute, LatencyStats stats, Map<String, Long> rssKb) {}

    /** The whole soak. */
    record Outcome(Duration length, double saturationPerSecond, double rate, LatencyStats all, List<Minute> minutes) {

        /** RSS growth in percent of one process from the end of the settled minute (or the first) to the end. */
        Double growthPercent(String process) {
            if (minutes.isEmpty()) {
                return null;
            }
            Minute from = minutes.get(Math.min(SETTLED_MINUTE, minutes.size()) - 1);
            Minute to = minutes.get(minutes.size() - 1);
            Long a = from.rssKb().get(process);
            Long b = to.rssKb().get(process);
            if (a == null || b == null || a == 0) {
                return null;
            }
            return 100.0 * (b - a) / a;
        }

        /** The minute growth is measured from (the settled minute, or the first of a shorter soak). */
        int fromMinute() {
            return Math.min(SETTLED_MINUTE, minutes.size());
        }
    }

    /** The mixed requests; {@code i} picks the kind (of every 20) and the patient. */
    static LoadGenerator.RequestSource mix(
            String patientService,
            String programService,
            List<BenchPatients.Patient> patients,
            Supplier<String> physioBearer) {
        int readers = Math.max(1, patients.size() / 2);
        int writers = patients.size() - readers;
        return new LoadGenerator.RequestSource() {
            @Override
            public HttpRequest request(long i) {
                int kind = (int) (i % 20);
                long round = i / 20;
                if (kind >= 16 && writers > 0) {
                    return patients.get(readers + (int) ((round * 4 + kind - 16) % writers))
                            .sessionLog(programService, "soak");
                }
                BenchPatients.Patient p = patients.get((int) ((round * 16 + Math.min(kind, 15)) % readers));
                if (kind >= 13) {
                    return LoadGenerator.get(patientService + "/api/patients/" + p.id())
                            .header("Authorization", physioBearer.get())
                            .build();
                }
                if (kind >= 10) {
                    return LoadGenerator.get(programService + "/api/programs/" + p.programId() + "/progress")
                            .header("Authorization", p.token().bearer())
                            .header("Accept", "application/json")
                            .build();
                }
                return LoadGenerator.get(programService + "/api/programs/me/today")
                        .header("Authorization", p.token().bearer())
                        .header("Accept", "application/json")
                        .build();
            }

            @Override
            public int expectedStatus(long i) {
                return i % 20 >= 16 && writers > 0 ? 201 : 200;
            }
        };
    }

    /**
     * Runs the soak: {@code rate} requests/s for {@code length}, minute by minute; between minutes {@code between}
     * renews the tokens and {@code rss} samples each service.
     */
    static Outcome run(
            LoadGenerator load,
            LoadGenerator.RequestSource source,
            double saturation,
            double rate,
            Duration length,
            Runnable between,
            Supplier<Map<String, Long>> rss)
            throws InterruptedException {
        LatencyStats all = new LatencyStats();
        List<Minute> minutes = new ArrayList<>();
        long total = Math.max(1, length.toMinutes());
        long offset = 0;
        for (int m = 1; m <= total; m++) {
            between.run();
            LatencyStats minute = load.openLoop(source, rate, Duration.ofMinutes(1), offset, all);
            offset += Math.round(rate * 60) + 1;
            Map<String, Long> sample = new LinkedHashMap<>(rss.get());
            minutes.add(new Minute(m, minute, sample));
            System.out.printf(
                    Locale.ROOT,
                    "  soak minute %d/%d: %d ok, %d errors, p99 %s ms, RSS %s%n",
                    m,
                    total,
                    minute.successes(),
                    minute.errors(),
                    Results.millis(minute.percentileMillis(99)),
                    rssLine(sample));
        }
        return new Outcome(length, saturation, rate, all, minutes);
    }

    static String rssLine(Map<String, Long> rssKb) {
        StringBuilder out = new StringBuilder();
        rssKb.forEach((process, kb) -> out.append(out.isEmpty() ? "" : ", ")
                .append(process)
                .append(' ')
                .append(Results.mb(kb))
                .append(" MB"));
        return out.toString();
    }
}
