package clinic.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The requests of an AOT training run ({@link ServiceJvm#train}): the reads a clinic serves most, so the cache holds
 * the classes (and the profiles) of answering them, not only of starting. Only reads, and none that writes an audit
 * row a patient would see ("who opened my record" lists staff reads of a record: the training reads no record as
 * staff). Tokens come from the demo realm's users; with a Keycloak of the user's own, where they may not exist, the
 * requests that need them are left out.
 */
final class AotTraining {

    /** Each read is sent this many times: enough for C1 to compile the request path once. */
    private static final int ROUNDS = 20;

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private AotTraining() {}

    /** The requests for one service of the stack, as a workload for {@link ServiceJvm#train}. */
    static Runnable workload(ClinicStack stack, ClinicStack.Service service) {
        return () -> run(stack, service);
    }

    private static void run(ClinicStack stack, ClinicStack.Service service) {
        String api = stack.url(service);
        String management = stack.managementUrl(service);
        Optional<String> patient = token(stack, "patient");
        Optional<String> physio = token(stack, "physio");
        List<Request> requests = new ArrayList<>();
        requests.add(new Request(management + "/q/health/ready", null));
        requests.add(new Request(management + "/q/health/live", null));
        requests.add(new Request(management + "/q/metrics", null));
        switch (service) {
            case PATIENT -> {
                // A refused request (no token): the problem+json path.
                requests.add(new Request(api + "/api/patients", null));
                patient.ifPresent(t -> {
                    requests.add(new Request(api + "/api/patients/me", t));
                    requests.add(new Request(api + "/api/audit/me", t));
                });
                // Ids only, not audited.
                physio.ifPresent(t -> requests.add(new Request(api + "/api/patients/accessible", t)));
            }
            case PROGRAM -> {
                requests.add(new Request(api + "/api/programs/me/today", null));
                patient.ifPresent(t -> {
                    requests.add(new Request(api + "/api/programs/me/today", t));
                    requests.add(new Request(api + "/api/programs/me", t));
                    requests.add(new Request(api + "/api/audit/me", t));
                });
                physio.ifPresent(t -> {
                    requests.add(new Request(api + "/api/exercises", t));
                    requests.add(new Request(api + "/api/protocols", t));
                });
            }
            case PORTAL -> {
                // Without a browser session: the public pages, the static files and the redirect to the login.
                requests.add(new Request(api + "/session-expired", null));
                requests.add(new Request(api + "/css/app.css", null));
                requests.add(new Request(api + "/js/portal.js", null));
                requests.add(new Request(api + "/", null));
                requests.add(new Request(api + "/me/today", null));
            }
        }
        for (int round = 0; round < ROUNDS; round++) {
            for (Request r : requests) {
                r.send();
            }
        }
    }

    private static Optional<String> token(ClinicStack stack, String user) {
        try {
            return Optional.of(KeycloakTokens.forRealm(stack.keycloakRealmUrl())
                    .password(KeycloakTokens.CLI_CLIENT, user, user)
                    .bearer());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private record Request(String url, String bearer) {
        void send() {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10))
                    .GET();
            if (bearer != null) {
                b.header("Authorization", bearer);
            }
            try {
                CLIENT.send(b.build(), HttpResponse.BodyHandlers.discarding());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(url + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
