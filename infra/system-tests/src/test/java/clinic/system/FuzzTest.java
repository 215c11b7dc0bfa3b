package clinic.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A seeded, repeatable fuzz run against every API endpoint of both services, authenticated with a role the endpoint
 * lets in, so that bodies, paths and queries are really parsed: malformed JSON, wrong types, missing and extra
 * fields, huge strings, odd Unicode, invalid UTF-8, numbers out of range, impossible dates, path and query junk.
 *
 * <p>The endpoints come from {@link AccessMatrixTest#TABLE}, which is checked against the services' OpenAPI
 * documents, so a new endpoint is fuzzed as soon as it has its row (and a new write endpoint fails here until it has
 * a body below). Every write carries at least one field that bean validation must refuse, so every write must be
 * refused and the databases must not change. The seed is printed; {@code -Dfuzz.seed=N} repeats a run,
 * {@code -Dfuzz.seed=random} picks a new one, {@code -Dfuzz.requests=N} changes the size.
 */
class FuzzTest {

    static final long DEFAULT_SEED = 20_260_707L;
    static final String NONE = AccessMatrixTest.NONE;

    /**
     * A class or package name, a stack frame, or SQL: none may reach a client. A name after a slash is part of a URL
     * (a problem type or a FHIR system such as {@code https://clinic.example/problems/...}), not a Java name.
     */
    static final Pattern LEAK = Pattern.compile(
            "(?<![\\w@./-])(?:clinic|java|javax|jakarta|org\\.hibernate|org\\.jboss"
                    + "|io\\.quarkus|io\\.vertx|io\\.smallrye|io\\.netty|com\\.fasterxml|com\\.mysql|org\\.mariadb)\\.[a-z]\\w*"
                    + "|Exception|Throwable|\\bat [\\w$]+(?:\\.[\\w$]+)+\\(|Caused by|SQLState|SQL syntax|\\bSELECT .+ FROM\\b");

    /** The fields of a body the fuzzer starts from, as raw JSON, and values that bean validation must refuse. */
    record BodySpec(Map<String, String> base, List<Map.Entry<String, String>> invalidators) {}

    /** One endpoint as fuzzed: who calls it, the path with real ids filled in, its query parameters. */
    record Target(String service, String method, String template, String path, String role, List<String> params) {

        boolean write() {
            return !method.equals("GET");
        }
    }

    record Request(
            int index,
            Target target,
            String method,
            String uri,
            Map<String, String> headers,
            byte[] body,
            String what) {}

    static final Map<String, BodySpec> BODIES = new LinkedHashMap<>();

    static {
        String today = LocalDate.now().toString();
        BODIES.put(
                "POST /api/patients",
                spec(
                        Map.of(
                                "givenName", "\"Fuzz\"",
                                "familyName", "\"Case\"",
                                "dateOfBirth", "\"1980-04-02\"",
                                "sex", "\"FEMALE\"",
                                "email", "\"fuzz.case@example.org\"",
                                "phone", "\"+44 20 7946 0000\"",
                                "condition", "\"Sciatica\"",
                                "referralSource", "\"GP\"",
                                "consentDate", "\"2025-01-02\"",
                                "carePhysio", "\"physio\""),
                        Map.of("givenName", "\"\"", "familyName", "\"  \"", "dateOfBirth", "\"1800-01-01\"")));
        BODIES.put(
                "PUT /api/patients/{id}",
                spec(
                        Map.of(
                                "givenName", "\"Fuzz\"",
                                "familyName", "\"Case\"",
                                "dateOfBirth", "\"1980-04-02\"",
                                "email", "\"fuzz.case@example.org\"",
                                "condition", "\"Sciatica\"",
                                "status", "\"ACTIVE\"",
                                "carePhysio", "\"physio\"",
                                "version", "0"),
                        Map.of("givenName", "\"\"", "version", "-1", "dateOfBirth", "\"1800-01-01\"")));
        BODIES.put(
                "POST /api/patients/{id}/screenings",
                spec(
                        Map.of(
                                "redFlags", "[]",
                                "sciaticaSigns", "[\"RADIATING_BELOW_BUTTOCK\"]",
                                "otherSigns", "[]",
                                "notes", "\"fuzz\""),
                        Map.of("notes", "\"" + "n".repeat(4001) + "\"", "override", "{\"reason\":\"\"}")));
        BODIES.put("POST /api/patients/{id}/account", spec(Map.of(), Map.of()));
        BODIES.put(
                "POST /api/patients/{id}/access",
                spec(Map.of("reason", "\"Covering the weekend clinic\""), Map.of("reason", "\"\"")));
        BODIES.put(
                "PUT /api/patients/{id}/care-team",
                spec(
                        Map.of("carePhysio", "\"physio\"", "careTeam", "[\"physio2\"]", "version", "0"),
                        Map.of("carePhysio", "\"\"")));
        BODIES.put(
                "POST /api/exercises",
                spec(
                        Map.of(
                                "slug", "\"fuzz-exercise\"",
                                "name", "\"Fuzz\"",
                                "category", "\"mobility\"",
                                "phases", "[1]",
                                "instructions", "\"Slowly.\"",
                                "sets", "1"),
                        Map.of("slug", "\"Not A Slug\"", "phases", "[]", "instructions", "\"\"")));
        // The clinic's own library. {slug} is an exercise that does not exist and {code} the read-only seed protocol,
        // so even a body that passed validation would change nothing; each base body also carries one refused field.
        BODIES.put(
                "PUT /api/exercises/{slug}",
                spec(
                        Map.of(
                                "name", "\"Fuzz\"",
                                "category", "\"mobility\"",
                                "phases", "[1]",
                                "instructions", "\"Slowly.\"",
                                "revision", "1"),
                        Map.of("name", "\"\"", "phases", "[]", "videoUrl", "\"http://plain.example\"")));
        BODIES.put(
                "POST /api/exercises/{slug}/copy",
                spec(
                        Map.of("slug", "\"fuzz-copy\"", "name", "\"Fuzz copy\""),
                        Map.of("slug", "\"Not A Slug\"", "name", "\"\"")));
        BODIES.put(
                "PUT /api/exercises/{slug}/translations/{lang}",
                spec(
                        Map.of("name", "\"Fuzz\"", "instructions", "\"Despacio.\""),
                        Map.of("name", "\"\"", "instructions", "\"\"", "cautionReason", "\"Fuzz\"")));
        BODIES.put("POST /api/exercises/{slug}/retire", spec(Map.of(), Map.of()));
        BODIES.put("POST /api/exercises/{slug}/unretire", spec(Map.of(), Map.of()));
        BODIES.put("POST /api/exercises/{slug}/image", spec(Map.of(), Map.of()));
        BODIES.put("DELETE /api/exercises/{slug}/image", spec(Map.of(), Map.of()));
        String phase = "{\"name\":\"Fuzz\",\"goal\":\"Fuzz\",\"entryCriteria\":\"Fuzz\","
                + "\"exercises\":[{\"exercise\":\"pelvic-tilt\",\"sets\":1}]}";
        BODIES.put(
                "POST /api/protocols",
                spec(
                        Map.of(
                                "code", "\"fuzz-protocol\"",
                                "name", "\"Fuzz\"",
                                "requiresScreening", "true",
                                "phases", "[" + phase + "]"),
                        Map.of("code", "\"Not A Code\"", "phases", "[]", "name", "\"\"")));
        BODIES.put(
                "PUT /api/protocols/{code}",
                spec(
                        Map.of("name", "\"Fuzz\"", "version", "1", "phases", "[" + phase + "]"),
                        Map.of("phases", "[]", "name", "\"\"")));
        BODIES.put(
                "POST /api/protocols/{code}/copy",
                spec(Map.of("code", "\"fuzz-copy\""), Map.of("code", "\"Not A Code\"")));
        BODIES.put("POST /api/protocols/{code}/retire", spec(Map.of(), Map.of()));
        BODIES.put(
                "POST /api/templates",
                spec(
                        Map.of(
                                "name", "\"Fuzz\"",
                                "visibility", "\"PRIVATE\"",
                                "protocol", "\"sciatica-phased\"",
                                "phase", "1",
                                "exercises", "[{\"exercise\":\"pelvic-tilt\"}]"),
                        Map.of("name", "\"\"", "phase", "0")));
        BODIES.put(
                "POST /api/templates/from-program/{programId}",
                spec(
                        Map.of("name", "\"Fuzz\"", "visibility", "\"PRIVATE\""),
                        Map.of("name", "\"\"", "visibility", "\"NOBODY\"")));
        BODIES.put("DELETE /api/templates/{id}", spec(Map.of(), Map.of()));
        BODIES.put(
                "POST /api/programs/{id}/exercises/{slug}/update-revision",
                spec(Map.of("reason", "\"fuzz\"", "version", "0"), Map.of("reason", "\"\"")));
        BODIES.put(
                "POST /api/programs",
                spec(
                        Map.of(
                                "patientId", "1",
                                "protocol", "\"sciatica-phased\"",
                                "phase", "1",
                                "reason", "\"fuzz\""),
                        Map.of("phase", "0", "patientId", "-1", "protocol", "\"\"")));
        BODIES.put(
                "POST /api/programs/{id}/phase",
                spec(
                        Map.of("phase", "2", "reason", "\"fuzz\"", "version", "0"),
                        Map.of("phase", "7", "reason", "\"\"", "version", "-3")));
        BODIES.put(
                "POST /api/programs/{programId}/sessions",
                spec(
                        Map.of(
                                "date", "\"" + today + "\"",
                                "painBefore", "3",
                                "painAfter", "3",
                                "exercises", "[]",
                                "notes", "\"fuzz\""),
                        Map.of("painBefore", "11", "painAfter", "-1", "date", "\"2999-01-01\"")));
        BODIES.put("POST /api/programs/{id}/resume", spec(Map.of("reason", "\"fuzz\""), Map.of("reason", "\"  \"")));
        BODIES.put(
                "POST /api/programs/{id}/measures",
                spec(
                        Map.of("instrument", "\"PSFS\"", "answers", "[]"),
                        Map.of(
                                "instrument",
                                "\"NO-SUCH\"",
                                "completedOn",
                                "\"2999-01-01\"",
                                "answers",
                                "[{\"item\":\"rating1\",\"value\":99}]")));
        BODIES.put(
                "POST /api/programs/{id}/discharge",
                spec(
                        Map.of("reason", "\"GOALS_MET\"", "summary", "\"fuzz\""),
                        Map.of("reason", "\"  \"", "version", "-1")));
        // A patient with no program: even a body that got through would hold nothing (and change a table, which
        // the run would report).
        BODIES.put(
                "POST /api/programs/holds",
                spec(
                        Map.of("patientId", "99999999", "screeningId", "99999999", "redFlags", "[\"SYSTEMIC\"]"),
                        Map.of("patientId", "0", "screeningId", "-1", "redFlags", "[]")));
        // E-mail notifications (issue 20). The demo patient's and physio's own preferences: each base body is a
        // whole valid answer, and the refused field keeps it from being stored.
        BODIES.put(
                "PUT /api/me/preferences",
                spec(
                        Map.ofEntries(
                                Map.entry("emailEnabled", "true"),
                                Map.entry("exerciseReminder", "true"),
                                Map.entry("inactivityNudge", "true"),
                                Map.entry("measureDue", "true"),
                                Map.entry("programUpdate", "true"),
                                Map.entry("reminderTime", "\"18:00\""),
                                Map.entry("timeZone", "\"Europe/London\""),
                                Map.entry("quietStart", "\"21:00\""),
                                Map.entry("quietEnd", "\"07:30\""),
                                Map.entry("language", "\"en\"")),
                        Map.of(
                                "reminderTime", "\"25:99\"",
                                "timeZone", "\"Mars/Olympus_Mons\"",
                                "quietEnd", "\"21:00\"",
                                "language", "\"xx\"",
                                "emailEnabled", "\"maybe\"")));
        BODIES.put(
                "PUT /api/staff/me/notifications",
                spec(
                        Map.of("dailyDigest", "true", "weeklySummary", "true", "timeZone", "\"Europe/London\""),
                        Map.of("timeZone", "\"Mars/Olympus_Mons\"", "dailyDigest", "\"maybe\"")));
        // The unsubscribe link (no login): no token the fuzzer makes is signed, so each is refused.
        BODIES.put(
                "POST /api/notifications/unsubscribe",
                spec(Map.of("token", "\"not-a-signed-token\""), Map.of("token", "\"\"", "kind", "\"URGENT_ALERT\"")));
        BODIES.put(
                "POST /api/alerts/{id}/acknowledge",
                spec(Map.of("note", "\"fuzz\""), Map.of("note", "\"" + "n".repeat(2001) + "\"")));
    }

    /** Real ids where the endpoint's owner can reach them; absent ids where a success would change something. */
    static String fill(String service, String template) {
        String path = template.replace("{screeningId}", "1")
                .replace("{slug}", "pelvic-tilts")
                .replace("{code}", "sciatica-phased")
                .replace("{lang}", "es")
                .replace("{programId}", "1");
        if (template.startsWith("/api/alerts/") || template.endsWith("/account")) {
            return path.replace("{id}", NONE);
        }
        return path.replace("{id}", "1");
    }

    static final Map<String, List<String>> PARAMS = Map.of(
            "/api/patients", List.of("q", "status", "carePhysio", "ids", "page", "size"),
            "/api/audit", List.of("patientId", "from", "to", "page", "size"),
            "/api/exercises", List.of("phase", "category"),
            "/api/programs", List.of("patientId"),
            "/api/programs/{programId}/sessions", List.of("from", "to"),
            "/api/alerts", List.of("status"),
            "/api/notifications", List.of("status", "kind", "page"),
            "/api/notifications/unsubscribe", List.of("token"));
    static final List<String> REPORT_PARAMS = List.of("from", "to", "physio", "after", "size");

    // ---- the junk ----

    static final List<String> WRONG_TYPES = List.of(
            "true",
            "false",
            "null",
            "[]",
            "{}",
            "[1,2,3]",
            "{\"a\":{\"b\":{}}}",
            "\"1\"",
            "\"true\"",
            "0",
            "-1",
            "1.5",
            "-0",
            "1E+2",
            "0.0000000000000000000001",
            "[null]",
            "[\"\"]",
            "[{}]");
    static final List<String> NUMBERS = List.of(
            "2147483648",
            "-2147483649",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775809",
            "99999999999999999999999999999999",
            "1e309",
            "-1e309",
            "4.9e-325",
            "1" + "0".repeat(1500),
            "11",
            "-11",
            "NaN",
            "Infinity",
            "-Infinity",
            "0x10",
            "01",
            "+1",
            ".5",
            "1.",
            "1e",
            "--1");
    static final List<String> DATES = List.of(
            "\"2026-02-30\"",
            "\"2026-13-01\"",
            "\"2026-00-10\"",
            "\"0000-00-00\"",
            "\"-999999999-01-01\"",
            "\"+999999999-12-31\"",
            "\"2023-02-29\"",
            "\"2024-02-29\"",
            "\"1900-01-01\"",
            "\"9999-12-31\"",
            "\"2026-1-1\"",
            "\"01/02/2026\"",
            "\"2026-02-28T25:61:00\"",
            "\"2026-02-28T10:00:00Z\"",
            "\"today\"",
            "20260101",
            "[2026,2,30]",
            "[2026,2]",
            "[-1,1,1]",
            "\"\"",
            "\"2026-02-28\\u0000\"");
    static final List<String> STRINGS = List.of(
            "\"\"",
            "\" \"",
            "\"\\u0000\"",
            "\"a\\u0000b\"",
            "\"\\ud800\"",
            "\"\\udfff\"",
            "\"x\\ud83dy\"",
            "\"\\u202eevil\\u202c\"",
            "\"שלום עולם\"",
            "\"مرحبا\"",
            "\"😀🧘‍♀️👩🏽‍⚕️\"",
            "\"e" + "\u0301\u0302\u0303\u0304".repeat(50) + "\"",
            "\"\\ufeff\\u200b\\u2028\\u2029\"",
            "\"<script>alert(1)</script>\"",
            "\"' OR '1'='1\"",
            "\"%s%n%x\"",
            "\"${7*7}\"",
            "\"{{7*7}}\"",
            "\"\\\\..\\\\..\"",
            "\"\\t\\r\\n\"",
            "\"𝕏" + "𝕏".repeat(1500) + "\"",
            "\"" + "é".repeat(2001) + "\"",
            "\"@@BYTES@@\"",
            "\"a@@BYTES@@b\"",
            "\"\\uZZZZ\"",
            "\"\\x41\"",
            "\"unterminated",
            "'single'");
    static final List<String> HUGE = List.of(
            "\"" + "A".repeat(60_000) + "\"",
            "\"" + "B".repeat(100 * 1024) + "\"",
            "\"" + "C".repeat(2 * 1024 * 1024) + "\"");
    static final List<String> ENUMS = List.of(
            "\"NOT_A_VALUE\"",
            "[\"NOT_A_VALUE\"]",
            "[\"BLADDER_BOWEL\",\"BLADDER_BOWEL\"]",
            "[\"bladder_bowel\"]",
            "[1]",
            "\"ACTIVE\"",
            "\"active\"",
            "\"DISCHARGED\"",
            "[\"LEFT\"]",
            "\"LEFT\"");
    static final List<String> EXTRA_KEYS = List.of(
            "id",
            "version",
            "outcome",
            "status",
            "clinicNumber",
            "createdBy",
            "__proto__",
            "",
            "\\u0000",
            "k".repeat(1000),
            "givenName ",
            "@type",
            "$ref");
    static final List<String> WHOLE_BODIES = List.of(
            "",
            " ",
            "null",
            "[]",
            "[{}]",
            "\"string\"",
            "123",
            "true",
            "{",
            "}",
            "{\"a\":}",
            "{\"a\" 1}",
            "{'a':1}",
            "{\"a\":1,}",
            "{,}",
            "\ufeff[]",
            "[".repeat(5000) + "]".repeat(5000),
            "{\"a\":".repeat(3000) + "1" + "}".repeat(3000),
            "<xml/>",
            "a=1&b=2",
            "\u0000");
    static final List<byte[]> BAD_UTF8 = List.of(
            new byte[] {(byte) 0xC3, 0x28},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xFF, (byte) 0xFE},
            new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xC0, (byte) 0xAF},
            new byte[] {(byte) 0xE2, (byte) 0x82});
    static final List<String> PATH_JUNK = List.of(
            "0",
            "-1",
            "-9223372036854775808",
            "9223372036854775808",
            "99999999999999999999999999",
            "9".repeat(5000),
            "1.5",
            "1e3",
            "abc",
            "%00",
            "1%00",
            "..%2f..%2f",
            "..%2F..%2Fq%2Fhealth",
            "%2e%2e",
            "%252e%252e",
            "%F0%9F%98%80",
            "%C0%AE",
            "%ED%A0%80",
            "%E2%80%AE",
            ";",
            "1;x=y",
            "%20",
            "%0d%0aX-Injected:%20yes",
            "%7B%7D",
            "%3Cscript%3E",
            "a".repeat(3000),
            "null",
            "undefined",
            "%zz",
            "%",
            "1/2/3",
            "",
            "..",
            ".",
            "1?",
            "1#x",
            "%u0041");
    static final List<String> QUERY_VALUES = List.of(
            "-1",
            "0",
            "1e9",
            "99999999999999999999",
            "abc",
            "%00",
            "2026-02-30",
            "2026-13-01",
            "%F0%9F%98%80",
            "%ED%A0%80",
            "%27%20OR%201%3D1",
            "%3Cb%3E",
            "x".repeat(2000),
            "%",
            "%%",
            "%zz",
            "",
            "OPEN,ACKNOWLEDGED",
            "true",
            "1,2,3," + "9".repeat(40),
            ",".repeat(300),
            "1" + ",1".repeat(200),
            "2026-01-01T00:00:00Z",
            "+1000000000-01-01",
            "adherence:abc",
            "adherence:-1",
            "adherence:99999999999999999999",
            "%E2%80%AE");
    static final List<String> CONTENT_TYPES = List.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data",
            "application/json; charset=latin1",
            "application/json; charset=utf-16",
            "application/problem+json",
            "*/*",
            "application/json;;",
            "garbage");

    static SystemStack stack;
    static Map<String, String> tokens;

    @BeforeAll
    static void start() {
        stack = SystemStack.get();
        tokens = Map.of(
                "physio", Tokens.demo("physio"), "admin", Tokens.demo("admin"), "patient", Tokens.demo("patient"));
    }

    @Test
    void everyWriteEndpointHasAFuzzBody() {
        List<String> missing = new ArrayList<>();
        for (Target target : targets()) {
            if (target.write() && !BODIES.containsKey(target.method() + " " + target.template())) {
                missing.add(target.method() + " " + target.template());
            }
        }
        assertThat(missing)
                .as("write endpoints without a body spec in FuzzTest.BODIES")
                .isEmpty();
    }

    @Test
    void thousandsOfMalformedRequestsGetNo5xxLeakNothingAndChangeNoData() throws Exception {
        long seed = seed();
        int count = Integer.getInteger("fuzz.requests", 10_000);
        System.out.println(
                "FuzzTest: seed " + seed + " (repeat with -Dfuzz.seed=" + seed + "), " + count + " requests");
        // Reads of patient data are audited by design (who read which record, when): the fuzz run's allowed reads
        // add audit rows. Every other table of both schemas must be exactly as before.
        Set<String> audited = Set.of("patients.audit_event", "programs.audit_event");
        TreeMap<String, String> before = Database.snapshot(audited);

        List<Target> targets = targets();
        Random random = new Random(seed);
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            requests.add(generate(i, targets.get(random.nextInt(targets.size())), random));
        }

        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Integer> statuses = Collections.synchronizedMap(new TreeMap<>());
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Request request : requests) {
                done.add(pool.submit(() -> check(request, failures, statuses)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf(
                "FuzzTest: %d requests in %.1f s; statuses %s%n", count, (System.nanoTime() - t0) / 1e9, statuses);

        TreeMap<String, String> after = Database.snapshot(audited);
        assertThat(failures)
                .as("seed %d: requests that got a 5xx, leaked internals, were not problem+json or were accepted", seed)
                .isEmpty();
        assertThat(after)
                .as("seed %d: every table but the audit trails is unchanged", seed)
                .isEqualTo(before);
    }

    /** The portal's forms: their field names, and one value that must make the form refused. */
    static final Map<String, List<String>> PORTAL_FORMS = Map.of(
            "/patients",
            List.of(
                    "givenName",
                    "familyName",
                    "dateOfBirth",
                    "sex",
                    "email",
                    "phone",
                    "condition",
                    "referralSource",
                    "consentDate",
                    "carePhysio"),
            "/patients/" + NONE + "/screenings",
            List.of("notes", "otherSigns", "overrideReason", "redFlags", "sciaticaSigns"),
            "/patients/" + NONE + "/assign",
            List.of(
                    "ackExercise",
                    "ackReason",
                    "exercise",
                    "extra",
                    "holdSeconds",
                    "include",
                    "minutes",
                    "perSide",
                    "phase",
                    "protocol",
                    "reps",
                    "sets",
                    "timesPerDay"),
            "/programs/" + NONE + "/phase",
            List.of("phase", "reason", "version"),
            "/alerts/" + NONE + "/acknowledge",
            List.of("note", "status"),
            "/me/sessions",
            List.of(
                    "completed",
                    "date",
                    "idempotencyKey",
                    "nervePain",
                    "notes",
                    "painAfter",
                    "painBefore",
                    "painLastedHoursAfter",
                    "redFlagSymptoms",
                    "side"),
            // The patient's reminders form (issue 20); refused below by an impossible time.
            "/me/preferences",
            List.of(
                    "emailEnabled",
                    "exerciseReminder",
                    "inactivityNudge",
                    "measureDue",
                    "programUpdate",
                    "reminderTime",
                    "timeZone",
                    "quietStart",
                    "quietEnd",
                    "language"));

    /** The portal's {@code quarkus.http.limits.max-body-size} (64K). */
    static final int PORTAL_MAX_BODY_BYTES = 64 * 1024;

    static final List<String> FORM_VALUES = List.of(
            "",
            " ",
            "2026-02-30",
            "-1",
            "99999999999999999999",
            "1e309",
            "NaN",
            "\u0000",
            "a\u0000b",
            "\ud800",
            "\u202eevil",
            "😀🧘‍♀️",
            "e\u0301\u0302\u0303",
            "<script>alert(1)</script>",
            "' OR '1'='1",
            "${7*7}",
            "x".repeat(3000),
            "y".repeat(70_000),
            "NOT_A_VALUE",
            "BLADDER_BOWEL",
            "LEFT",
            "true",
            "on",
            "%zz");

    /**
     * Junk in the portal's form posts, with a real session and its CSRF token: the portal re-shows the form or its
     * error page, never a 5xx or internals, and nothing is written (ids are absent; the forms without an id get a
     * value the services refuse).
     */
    @Test
    void portalFormsWithJunkAnswerWithoutServerErrorsOrWrites() throws Exception {
        long seed = seed();
        System.out.println("FuzzTest: portal forms with seed " + seed);
        Random random = new Random(seed);
        TreeMap<String, String> before = Database.snapshot(Set.of("patients.audit_event", "programs.audit_event"));
        List<String> failures = new ArrayList<>();
        List<String> forms = new ArrayList<>(new TreeMap<>(PORTAL_FORMS).keySet());
        for (int i = 0; i < 150; i++) {
            String form = pick(forms, random);
            String role = form.startsWith("/me/") ? "patient" : "physio";
            PortalSession session = PortalSession.of(role);
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("csrf-token", session.csrfToken(role.equals("patient") ? "/me/log" : "/patients/new"));
            int n = 1 + random.nextInt(5);
            for (int f = 0; f < n; f++) {
                fields.put(pick(PORTAL_FORMS.get(form), random), pick(FORM_VALUES, random));
            }
            if (form.equals("/patients")) {
                fields.put("dateOfBirth", "2026-02-30");
            } else if (form.equals("/me/sessions")) {
                fields.put("painBefore", "11");
            } else if (form.equals("/me/preferences")) {
                fields.put("reminderTime", "25:99");
            }
            boolean oversized =
                    PortalSession.formBody(fields).getBytes(StandardCharsets.UTF_8).length > PORTAL_MAX_BODY_BYTES;
            java.net.http.HttpResponse<String> response;
            try {
                response = session.post(form, fields);
            } catch (java.io.UncheckedIOException e) {
                // Over the body limit the server answers 413 and closes the connection at once; a client still
                // sending may see the close before the answer. That is a refusal, not a failure. Below the limit a
                // dropped connection is a failure.
                if (oversized) {
                    continue;
                }
                throw e;
            }
            String what = "#" + i + " POST " + form + " "
                    + abbreviate(fields.keySet().toString()) + " → " + response.statusCode();
            if (oversized && response.statusCode() != 413) {
                failures.add(what + " (body over the portal's 64 KiB limit should be refused with 413)");
            }
            if (response.statusCode() >= 500) {
                failures.add(what + " " + abbreviate(response.body()));
            }
            Matcher leak = LEAK.matcher(response.body());
            if (leak.find()) {
                failures.add(what + " leaks '" + leak.group() + "'");
            }
        }
        assertThat(failures).as("seed %d", seed).isEmpty();
        assertThat(Database.snapshot(Set.of("patients.audit_event", "programs.audit_event")))
                .as("seed %d: refused forms write nothing", seed)
                .isEqualTo(before);
    }

    /**
     * Odd but well-formed text (NUL, lone surrogates, right-to-left marks, emoji, combining marks, markup) in the
     * free-text fields of a valid registration and session log: either refused with a 400 problem, or stored and
     * read back exactly as sent. Silently changed text in a clinical record is a failure.
     */
    @Test
    void oddTextIsEitherRefusedOrStoredExactly() {
        List<String> failures = new ArrayList<>();
        int stored = 0;
        for (String raw : STRINGS) {
            if (raw.contains("@@")
                    || !raw.startsWith("\"")
                    || !raw.endsWith("\"")
                    || raw.length() < 3
                    || raw.contains("\\u") && raw.matches(".*\\\\u[^0-9a-fA-F].*")
                    || raw.contains("\\x")) {
                continue;
            }
            String patientBody = "{\"givenName\":\"Odd\",\"familyName\":\"Text\",\"dateOfBirth\":\"1970-01-01\","
                    + "\"carePhysio\":\"physio\",\"condition\":" + raw + "}";
            io.restassured.response.Response created = io.restassured.RestAssured.given()
                    .auth()
                    .oauth2(tokens.get("physio"))
                    .contentType("application/json; charset=UTF-8")
                    .body(patientBody.getBytes(StandardCharsets.UTF_8))
                    .post(stack.patientService() + "/api/patients");
            stored +=
                    roundTrip(raw, created, "condition", stack.patientService() + "/api/patients/", "physio", failures);
            String sessionBody = "{\"date\":\"" + LocalDate.now() + "\",\"painBefore\":1,\"painAfter\":1,"
                    + "\"exercises\":[],\"notes\":" + raw + "}";
            io.restassured.response.Response logged = io.restassured.RestAssured.given()
                    .auth()
                    .oauth2(tokens.get("patient"))
                    .contentType("application/json; charset=UTF-8")
                    .body(sessionBody.getBytes(StandardCharsets.UTF_8))
                    .post(stack.programService() + "/api/programs/1/sessions");
            stored += roundTrip(raw, logged, "notes", null, "patient", failures);
        }
        System.out.println("FuzzTest: odd text stored exactly " + stored + " times");
        assertThat(failures).isEmpty();
        assertThat(stored).as("most odd text is valid text and is kept").isGreaterThan(10);
    }

    /** 1 when stored and read back unchanged; 0 when refused properly; a failure otherwise. */
    private static int roundTrip(
            String raw,
            io.restassured.response.Response response,
            String field,
            String readBase,
            String role,
            List<String> failures) {
        String expected =
                io.restassured.path.json.JsonPath.from("{\"v\":" + raw + "}").getString("v");
        int status = response.statusCode();
        if (status == 400 && response.contentType().startsWith("application/problem+json")) {
            return 0;
        }
        if (status != 201) {
            failures.add(field + " " + abbreviate(raw) + " → " + status + " " + abbreviate(response.asString()));
            return 0;
        }
        long id = ((Number) response.path("id")).longValue();
        String read = readBase != null
                ? io.restassured.RestAssured.given()
                        .auth()
                        .oauth2(tokens.get(role))
                        .get(readBase + id)
                        .path(field)
                : io.restassured.RestAssured.given()
                        .auth()
                        .oauth2(tokens.get(role))
                        .get(stack.programService() + "/api/programs/1/sessions")
                        .path("find { it.id == " + id + " }." + field);
        // Trimming surrounding blanks (or keeping blank as absent) is tidying, not changing what was written.
        boolean same = expected.equals(read)
                || expected.strip().equals(read)
                || (expected.isBlank() && (read == null || read.isBlank()));
        if (!same) {
            failures.add(field + " " + abbreviate(raw) + " was changed: stored as " + abbreviate(String.valueOf(read)));
            return 0;
        }
        return 1;
    }

    private static void check(Request request, List<String> failures, Map<Integer, Integer> statuses) {
        Target target = request.target();
        int port = target.service().equals("patient") ? stack.patientPort : stack.programPort;
        RawHttp.Response response;
        try {
            response = RawHttp.send(port, request.method(), request.uri(), request.headers(), request.body());
        } catch (Exception e) {
            failures.add(describe(request) + " → no answer: " + e.getMessage());
            return;
        }
        statuses.merge(response.status(), 1, Integer::sum);
        String body = response.body();
        if (response.status() == 0) {
            // A body far over the limit may be cut off by the server before it answers: refused all the same.
            if (request.body() == null || request.body().length < 1024 * 1024) {
                failures.add(describe(request) + " → connection closed without an answer");
            }
            return;
        }
        if (response.status() >= 500) {
            failures.add(describe(request) + " → " + response.status() + " " + abbreviate(body));
        }
        Matcher leak = LEAK.matcher(body);
        if (leak.find()) {
            failures.add(describe(request) + " → leaks '" + leak.group() + "': " + abbreviate(body));
        }
        if (response.status() >= 400 && !body.isEmpty()) {
            String type = response.header("content-type");
            if (type == null || !type.startsWith("application/problem+json")) {
                failures.add(describe(request) + " → " + response.status() + " as " + type + ": " + abbreviate(body));
            }
        }
        if (request.method().equals(target.method()) && target.write() && response.status() < 300) {
            failures.add(describe(request) + " → accepted (" + response.status() + "): " + abbreviate(body));
        }
    }

    // ---- generation ----

    static List<Target> targets() {
        Map<String, Target> byKey = new LinkedHashMap<>();
        for (AccessMatrixTest.Row row : AccessMatrixTest.TABLE) {
            String key = row.service() + " " + row.method() + " " + row.template();
            if (byKey.containsKey(key)) {
                continue;
            }
            String role = null;
            for (String candidate : List.of("physio", "admin", "patient")) {
                if (row.roles().get(candidate) == AccessMatrixTest.Expect.ALLOWED) {
                    role = candidate;
                    break;
                }
            }
            if (role == null) {
                continue;
            }
            List<String> params = row.template().startsWith("/api/reports/")
                    ? REPORT_PARAMS
                    : PARAMS.getOrDefault(row.template(), List.of());
            byKey.put(
                    key,
                    new Target(
                            row.service(),
                            row.method(),
                            row.template(),
                            fill(row.service(), row.template()),
                            role,
                            params));
        }
        return new ArrayList<>(byKey.values());
    }

    static Request generate(int index, Target target, Random random) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + tokens.get(target.role()));
        headers.put("Accept", "application/json");
        String path = target.path();
        String query = target.template().equals("/api/programs") ? "patientId=1" : "";
        String method = target.method();
        byte[] body = null;
        List<String> what = new ArrayList<>();
        BodySpec spec = BODIES.get(target.method() + " " + target.template());
        if (spec != null) {
            headers.put("Content-Type", "application/json");
        }
        int kind = random.nextInt(100);
        if (target.write() && spec != null && kind < 65) {
            body = mutatedBody(spec, random, what);
        } else {
            if (spec != null) {
                body = serialize(invalid(spec, random, what), random, what);
            }
            if (kind < 80 && target.template().contains("{")) {
                String junk = pick(PATH_JUNK, random);
                path = replaceLastParam(target, junk);
                what.add("path junk " + abbreviate(junk));
            } else if (kind < 92) {
                StringBuilder q = new StringBuilder(query);
                int n = 1 + random.nextInt(3);
                for (int i = 0; i < n; i++) {
                    String name = !target.params().isEmpty() && random.nextInt(4) > 0
                            ? pick(target.params(), random)
                            : pick(List.of("page", "size", "x", "%00", "a[]", "q%zz", "from", "__proto__"), random);
                    String value = pick(QUERY_VALUES, random);
                    q.append(q.length() > 0 ? "&" : "").append(name).append('=').append(value);
                }
                query = q.toString();
                what.add("query junk " + abbreviate(query));
            } else if (kind < 96) {
                method = pick(List.of("DELETE", "PATCH", "TRACE", "FOO"), random);
                what.add("method " + method);
            } else {
                String header = pick(List.of("Accept", "Content-Type", "Idempotency-Key"), random);
                String value =
                        switch (header) {
                            case "Accept" -> pick(
                                    List.of("text/html", "application/xml", "image/png", ";;;", ""), random);
                            case "Content-Type" -> pick(CONTENT_TYPES, random);
                            default -> pick(List.of("k".repeat(101), "k".repeat(5000), "é😀", " ", "\u0001"), random);
                        };
                headers.put(header, value);
                what.add("header " + header + ": " + abbreviate(value));
            }
        }
        if (target.template().equals("/api/programs/{programId}/sessions")
                && target.method().equals("POST")
                && !headers.containsKey("Idempotency-Key")
                && random.nextBoolean()) {
            headers.put("Idempotency-Key", "fuzz-" + index);
        }
        if (body != null && random.nextInt(20) == 0) {
            headers.put("Content-Type", pick(CONTENT_TYPES, random));
            what.add("content type " + headers.get("Content-Type"));
        }
        String uri = path + (query.isEmpty() ? "" : "?" + query);
        return new Request(index, target, method, uri, headers, body, String.join("; ", what));
    }

    private static String replaceLastParam(Target target, String junk) {
        String template = target.template();
        int open = template.lastIndexOf('{');
        int close = template.indexOf('}', open);
        String prefix = fill(target.service(), template.substring(0, open));
        return prefix + junk + template.substring(close + 1);
    }

    /** The base body with one refused field, then one to three mutations of other fields, or broken as text. */
    private static byte[] mutatedBody(BodySpec spec, Random random, List<String> what) {
        int kind = random.nextInt(100);
        if (kind < 10) {
            String whole = pick(WHOLE_BODIES, random);
            what.add("whole body " + abbreviate(whole));
            return whole.getBytes(StandardCharsets.UTF_8);
        }
        Map<String, String> body = invalid(spec, random, what);
        // The refused field stays as it is: a mutation must not make the body acceptable.
        String refused = body.keySet().stream()
                .filter(f -> !body.get(f).equals(spec.base().get(f)))
                .findFirst()
                .orElse(null);
        List<String> fields = new ArrayList<>(spec.base().keySet());
        fields.remove(refused);
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            int op = random.nextInt(100);
            if (fields.isEmpty() || op < 10) {
                String key = pick(EXTRA_KEYS, random);
                if (key.equals(refused)) {
                    continue;
                }
                String value = junkValue(random);
                body.put(key, value);
                what.add("extra " + abbreviate(key) + "=" + abbreviate(value));
            } else {
                String field = pick(fields, random);
                if (op < 20) {
                    body.remove(field);
                    what.add("without " + field);
                } else {
                    String value = junkValue(random);
                    body.put(field, value);
                    what.add(field + "=" + abbreviate(value));
                }
            }
        }
        return serialize(body, random, what);
    }

    private static Map<String, String> invalid(BodySpec spec, Random random, List<String> what) {
        Map<String, String> body = new LinkedHashMap<>(spec.base());
        if (!spec.invalidators().isEmpty()) {
            Map.Entry<String, String> refused = pick(spec.invalidators(), random);
            body.put(refused.getKey(), refused.getValue());
            what.add("invalid " + refused.getKey() + "=" + abbreviate(refused.getValue()));
        }
        return body;
    }

    private static String junkValue(Random random) {
        int group = random.nextInt(100);
        if (group < 2) {
            return pick(HUGE, random);
        }
        List<String> pool =
                group < 25 ? WRONG_TYPES : group < 45 ? NUMBERS : group < 60 ? DATES : group < 90 ? STRINGS : ENUMS;
        return pick(pool, random);
    }

    /**
     * The body as JSON text, sometimes broken in a way that keeps the refused field refused: cut short, wrapped in
     * junk, quotes or separators swapped. Markers become bytes that are not UTF-8.
     */
    private static byte[] serialize(Map<String, String> body, Random random, List<String> what) {
        StringBuilder json = new StringBuilder("{");
        body.forEach((key, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(key).append("\":").append(value);
        });
        json.append('}');
        String text = json.toString();
        if (random.nextInt(100) < 20) {
            int how = random.nextInt(7);
            text = switch (how) {
                case 0 -> text.substring(0, random.nextInt(text.length()));
                case 1 -> text + pick(List.of("x", "}", "{}", ",", "\u0000", "]"), random);
                case 2 -> pick(List.of("\ufeff", ")]}'\n", "x", "[", "//c\n"), random) + text;
                case 3 -> text.replace('"', '\'');
                case 4 -> text.replaceFirst(":", "=");
                case 5 -> text.substring(0, text.length() - 1);
                default -> "{,," + text.substring(1);
            };
            what.add("broken text (" + how + ")");
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String marker = "@@BYTES@@";
        if (text.contains(marker)) {
            byte[] bad = pick(BAD_UTF8, random);
            String[] parts = text.split(marker, -1);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < parts.length; i++) {
                out.writeBytes(parts[i].getBytes(StandardCharsets.UTF_8));
                if (i < parts.length - 1) {
                    out.writeBytes(bad);
                }
            }
            bytes = out.toByteArray();
            what.add("invalid UTF-8");
        }
        return bytes;
    }

    // ---- helpers ----

    private static Long seed;

    /** {@code -Dfuzz.seed}: a number, or {@code random}; the same for every test of this run. */
    static synchronized long seed() {
        if (seed == null) {
            String property = System.getProperty("fuzz.seed", String.valueOf(DEFAULT_SEED));
            seed = property.equals("random") ? new Random().nextLong() : Long.parseLong(property);
        }
        return seed;
    }

    private static BodySpec spec(Map<String, String> base, Map<String, String> invalidators) {
        return new BodySpec(
                new LinkedHashMap<>(new TreeMap<>(base)), new ArrayList<>(new TreeMap<>(invalidators).entrySet()));
    }

    private static <T> T pick(List<T> list, Random random) {
        return list.get(random.nextInt(list.size()));
    }

    private static String describe(Request request) {
        return "#" + request.index() + " " + request.method() + " " + abbreviate(request.uri()) + " as "
                + request.target().role() + " [" + request.what() + "]";
    }

    static String abbreviate(String s) {
        String flat = s.replace("\n", "\\n").replace("\r", "\\r");
        return flat.length() <= 160 ? flat : flat.substring(0, 120) + "…(" + flat.length() + " chars)";
    }
}
