package clinic.bench;

import clinic.local.KeycloakTokens;
import clinic.rules.SciaticaSign;
import clinic.rules.ScreeningOutcome;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Creates the benchmark's patients the way the clinic does: the demo physio registers each through
 * patient-service's API (which makes a Keycloak login without a password and has Keycloak e-mail the invitation to
 * the local demo mail server), screens them clear, and
 * assigns the sciatica program through program-service's API. Then each login gets a permanent random password
 * through Keycloak's admin API, and a token through the password grant. E-mails carry a per-run prefix, so runs
 * against a kept database never collide.
 */
final class BenchPatients {

    /** One bench patient: record and program ids, login, and a live token. */
    record Patient(long id, long programId, String username, String password, KeycloakTokens.Token token) {

        /**
         * A session log of today for this patient's program (pain 3 before, 2 after, no red flag), with a new
         * Idempotency-Key, so each request stores a new row; {@code note} says which run wrote it.
         */
        HttpRequest sessionLog(String programService, String note) {
            String body = "{\"date\":\"" + java.time.LocalDate.now() + "\",\"painBefore\":3,\"painAfter\":2,"
                    + "\"exercises\":[],\"painLastedHoursAfter\":false,\"redFlagSymptoms\":[],\"notes\":\"" + note
                    + "\"}";
            return HttpRequest.newBuilder(URI.create(programService + "/api/programs/" + programId + "/sessions"))
                    .timeout(LoadGenerator.REQUEST_TIMEOUT)
                    .header("Authorization", token.bearer())
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
        }
    }

    private final HttpClient http;
    private final KeycloakTokens tokens;
    private final KeycloakAdmin admin;
    private final String patientService;
    private final String programService;

    /** Why patients were left out, one line each (no personal data: bench names and ids only). */
    final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());

    BenchPatients(
            HttpClient http, KeycloakTokens tokens, KeycloakAdmin admin, String patientService, String programService) {
        this.http = http;
        this.tokens = tokens;
        this.admin = admin;
        this.patientService = patientService;
        this.programService = programService;
    }

    /** Creates {@code count} patients with {@code threads} parallel registrations. */
    List<Patient> create(int count, int threads, String runId, KeycloakTokens.Token physio) throws Exception {
        String adminBearer = admin.serviceAccountBearer();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Patient>> futures = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                int n = i;
                futures.add(pool.submit(() -> createOne(n, runId, physio, adminBearer)));
            }
            List<Patient> patients = new ArrayList<>();
            for (Future<Patient> f : futures) {
                try {
                    patients.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    // One patient the busy clinic failed to set up is left out, not the whole benchmark.
                    failures.add(
                            e.getCause() == null ? e.toString() : e.getCause().getMessage());
                }
            }
            if (patients.isEmpty()) {
                throw new IllegalStateException("no bench patient could be created: " + failures.get(0));
            }
            return patients;
        } finally {
            pool.shutdownNow();
        }
    }

    private Patient createOne(int n, String runId, KeycloakTokens.Token physio, String adminBearer) {
        String email = String.format("bench-%s-%04d@bench.clinic.test", runId, n);
        JsonNode patient = call(
                "POST",
                patientService + "/api/patients",
                physio,
                Map.of(
                        "givenName", "Bench",
                        "familyName", String.format("Patient %s-%04d", runId, n),
                        "dateOfBirth", "1975-06-15",
                        "email", email,
                        "condition", "Benchmark patient: left-sided sciatica",
                        "consentDate", "2026-01-10"),
                201);
        long id = patient.path("id").asLong();
        String username = patient.path("accountUsername").asText(email);
        for (int attempt = 1; !hasLogin(patient.path("account").asText()); attempt++) {
            // Keycloak was too slow or down at registration (account PENDING): ask for the login as a physio
            // would in the portal, a few times, before giving up.
            if (attempt > 5) {
                throw new IllegalStateException("patient-service made no login for bench patient " + n + " (account "
                        + patient.path("account").asText() + "): is Keycloak reachable from it?");
            }
            sleep(2_000L * attempt);
            patient = tryCall("POST", patientService + "/api/patients/" + id + "/account", physio, Map.of(), 202);
            username = patient.path("username").asText(email);
        }
        JsonNode screening = call(
                "POST",
                patientService + "/api/patients/" + id + "/screenings",
                physio,
                Map.of(
                        "sciaticaSigns",
                        List.of(SciaticaSign.RADIATING_BELOW_BUTTOCK.name(), SciaticaSign.PARAESTHESIA.name()),
                        "notes",
                        "Benchmark patient: typical sciatica picture."),
                201);
        if (!ScreeningOutcome.CLEAR.name().equals(screening.path("outcome").asText())) {
            throw new IllegalStateException("the bench screening was not CLEAR: " + screening.path("outcome"));
        }
        JsonNode program = call(
                "POST",
                programService + "/api/programs",
                physio,
                Map.of("patientId", id, "protocol", "sciatica-phased", "phase", 1),
                201);
        String password = randomPassword();
        admin.setPassword(adminBearer, username, password);
        KeycloakTokens.Token token = tokens.login(username, password);
        return new Patient(id, program.path("id").asLong(), username, password, token);
    }

    /** Like {@link #call} but a refusal answers a missing node instead of failing. */
    private JsonNode tryCall(String method, String url, KeycloakTokens.Token token, Object body, int expected) {
        try {
            return call(method, url, token, body, expected);
        } catch (IllegalStateException refused) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private JsonNode call(String method, String url, KeycloakTokens.Token token, Object body, int expected) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", token.bearer())
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(Json.write(body)))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + URI.create(url).getPath() + " answered HTTP "
                        + response.statusCode() + ": "
                        + Json.read(response.body()).path("detail").asText(""));
            }
            return Json.read(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(method + " " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Random per run and kept only in memory: the bench logins are real logins of the local realm. */
    static String randomPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return "Bx9-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The login exists: invited by e-mail (no password yet) or linked to one that has a password. */
    private static boolean hasLogin(String account) {
        return "INVITED".equals(account) || "ACTIVE".equals(account);
    }
}
