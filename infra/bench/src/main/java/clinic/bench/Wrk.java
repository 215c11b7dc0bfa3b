package clinic.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Saturation runs of GET scenarios with {@code wrk} (Debian package {@code wrk}) instead of the harness's own Java
 * client. On two cores the load generator shares the CPU with the clinic it measures: wrk's event loop in C spends a
 * small fraction of what {@code java.net.http} does per request, so more of the machine is left to the services and
 * the throughput measured is closer to what they can do. The requests are the scenario's own (each patient's token
 * or session cookie in turn), written into a Lua script that cycles through them and counts every answer that is not
 * the expected status as an error.
 */
final class Wrk {

    private static final Pattern RESULT = Pattern.compile(
            "CLINIC_RESULT requests=(\\d+) bad=(\\d+) duration_us=(\\d+) connect=(\\d+) read=(\\d+) write=(\\d+)"
                    + " timeout=(\\d+)");

    private final Path executable;

    private Wrk(Path executable) {
        this.executable = executable;
    }

    /** wrk on the PATH, if installed. */
    static Optional<Wrk> find() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "wrk");
            if (Files.isExecutable(candidate)) {
                return Optional.of(new Wrk(candidate));
            }
        }
        return Optional.empty();
    }

    /**
     * Requests/s of successful answers over {@code duration} with {@code connections} kept-alive connections on two
     * threads, cycling through {@code requests} (GETs to one host).
     */
    LoadGenerator.Closed saturate(List<HttpRequest> requests, int expectedStatus, int connections, Duration duration)
            throws IOException, InterruptedException {
        if (requests.isEmpty()) {
            throw new IllegalArgumentException("no requests to send");
        }
        URI first = requests.get(0).uri();
        Path script = Files.createTempFile("clinic-bench-", ".lua");
        try {
            Files.writeString(script, script(requests, expectedStatus), StandardCharsets.UTF_8);
            List<String> command = List.of(
                    executable.toString(),
                    "-t2",
                    "-c" + connections,
                    "-d" + Math.max(1, duration.toSeconds()) + "s",
                    "--timeout",
                    LoadGenerator.REQUEST_TIMEOUT.toSeconds() + "s",
                    "-s",
                    script.toString(),
                    first.getScheme() + "://" + first.getAuthority() + "/");
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("wrk failed: " + output.strip());
            }
            return parse(output);
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /** The Lua script: the requests preformatted once, sent in turn, non-expected statuses counted per thread. */
    static String script(List<HttpRequest> requests, int expectedStatus) {
        // Formatted in init(): wrk sets the Host header just before it calls init, after the script is loaded.
        StringBuilder lua = new StringBuilder("local specs = {}\n");
        for (HttpRequest r : requests) {
            if (!"GET".equals(r.method())) {
                throw new IllegalArgumentException("wrk runs GET scenarios only, not " + r.method());
            }
            String path = r.uri().getRawPath()
                    + (r.uri().getRawQuery() == null ? "" : "?" + r.uri().getRawQuery());
            lua.append("specs[#specs + 1] = {").append(quote(path)).append(", {");
            Map<String, List<String>> headers = new TreeMap<>(r.headers().map());
            headers.forEach((name, values) -> lua.append('[')
                    .append(quote(name))
                    .append("] = ")
                    .append(quote(String.join(", ", values)))
                    .append(", "));
            lua.append("}}\n");
        }
        lua.append(
                """
                local threads = {}
                function setup(thread)
                  thread:set("offset", #threads * 7919)
                  table.insert(threads, thread)
                end
                function init(args)
                  n = offset or 0
                  bad = 0
                  reqs = {}
                  for i, spec in ipairs(specs) do reqs[i] = wrk.format("GET", spec[1], spec[2]) end
                end
                function request()
                  n = n + 1
                  return reqs[(n % #reqs) + 1]
                end
                function response(status, headers, body)
                  if status ~= EXPECTED then bad = bad + 1 end
                end
                function done(summary, latency, requests)
                  local total = 0
                  for _, t in ipairs(threads) do total = total + t:get("bad") end
                  io.write(string.format(
                    "CLINIC_RESULT requests=%d bad=%d duration_us=%d connect=%d read=%d write=%d timeout=%d\\n",
                    summary.requests, total, summary.duration, summary.errors.connect, summary.errors.read,
                    summary.errors.write, summary.errors.timeout))
                end
                """
                        .replace("EXPECTED", String.valueOf(expectedStatus)));
        return lua.toString();
    }

    /** The counts the script's {@code done} prints, as successes per second and an error tally. */
    static LoadGenerator.Closed parse(String output) {
        Matcher m = RESULT.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("no result line in wrk's output: " + output.strip());
        }
        long requests = Long.parseLong(m.group(1));
        long bad = Long.parseLong(m.group(2));
        double seconds = Long.parseLong(m.group(3)) / 1e6;
        LatencyStats stats = new LatencyStats();
        for (long i = 0; i < bad; i++) {
            stats.recordError("unexpected status (wrk)");
        }
        String[] kinds = {"connect", "read", "write", "timeout"};
        for (int k = 0; k < kinds.length; k++) {
            long count = Long.parseLong(m.group(4 + k));
            for (long i = 0; i < count; i++) {
                stats.recordError("socket " + kinds[k] + " error (wrk)");
            }
        }
        long ok = Math.max(0, requests - bad);
        stats.recordUntimedSuccesses(ok);
        return new LoadGenerator.Closed(ok / seconds, stats);
    }

    /** A Lua string literal. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\%03d", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** The first {@code count} requests of a source, for the script. */
    static List<HttpRequest> sample(LoadGenerator.RequestSource source, int count) {
        List<HttpRequest> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(source.request(i));
        }
        return out;
    }
}
