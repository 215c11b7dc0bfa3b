package clinic.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every API endpoint of both services against every kind of caller, with real Keycloak tokens, from one table.
 * The table must list exactly the endpoints the services publish in their OpenAPI documents: a new endpoint
 * without a row fails the build.
 *
 * <p>Writes use ids that do not exist or bodies that are refused, so the matrix changes no data. Demo data: patient
 * record 1 and program 1 belong to the demo {@code patient}, in {@code physio}'s care; program 2 to {@code patient2},
 * in {@code physio2}'s care. The column {@code physio2} is a physio outside patient 1's care team: every read or
 * change of that patient's data is refused with 403 "not in care team" (see {@link CareTeamTest} for break the glass,
 * transfer and sharing).
 */
class AccessMatrixTest {

    /** What a caller must get. */
    enum Expect {
        /** Let through: anything but 401, 403 and 5xx (a refused body or an absent id is fine). */
        ALLOWED,
        FORBIDDEN_403,
        NOT_FOUND_404
    }

    record Row(String service, String method, String template, String path, String body, Map<String, Expect> roles) {}

    static final Expect A = Expect.ALLOWED;
    static final Expect F = Expect.FORBIDDEN_403;
    static final Expect N = Expect.NOT_FOUND_404;
    static final String NONE = "999999";

    static final List<Row> TABLE = new ArrayList<>();

    /**
     * Endpoints open to anyone (the e-mail unsubscribe link works without a login; the signed token in the body is
     * its protection): without a token they answer like for anyone, and a broken token is refused or ignored, never
     * an error. Keyed {@code service METHOD template}.
     */
    static final java.util.Set<String> PUBLIC = java.util.Set.of(
            "patient POST /api/notifications/unsubscribe", "patient GET /api/notifications/unsubscribe");

    static void row(
            String service,
            String method,
            String template,
            String path,
            String body,
            Expect physio,
            Expect physio2,
            Expect admin,
            Expect patient) {
        TABLE.add(new Row(
                service,
                method,
                template,
                path,
                body,
                Map.of("physio", physio, "physio2", physio2, "admin", admin, "patient", patient)));
    }

    static {
        String validSession =
                "{\"date\":\"" + LocalDate.now() + "\",\"painBefore\":3,\"painAfter\":3," + "\"exercises\":[]}";
        // patient-service
        String ps = "patient";
        row(ps, "GET", "/api/patients", "/api/patients", null, A, A, A, F);
        row(ps, "POST", "/api/patients", "/api/patients", "{}", A, A, F, F);
        row(ps, "GET", "/api/patients/{id}", "/api/patients/1", null, A, F, A, F);
        row(ps, "GET", "/api/patients/{id}", "/api/patients/2", null, F, A, A, F);
        row(ps, "PUT", "/api/patients/{id}", "/api/patients/" + NONE, "{}", A, A, F, F);
        row(ps, "GET", "/api/patients/me", "/api/patients/me", null, F, F, F, A);
        row(ps, "POST", "/api/patients/{id}/screenings", "/api/patients/" + NONE + "/screenings", "{}", A, A, F, F);
        row(ps, "GET", "/api/patients/{id}/screenings", "/api/patients/1/screenings", null, A, F, A, F);
        row(ps, "GET", "/api/patients/{id}/screenings/{screeningId}", "/api/patients/1/screenings/1", null, A, F, A, F);
        row(ps, "GET", "/api/patients/{id}/clearance", "/api/patients/1/clearance", null, A, F, A, F);
        row(ps, "POST", "/api/patients/{id}/account", "/api/patients/" + NONE + "/account", null, A, A, F, F);
        row(ps, "GET", "/api/audit", "/api/audit", null, F, F, A, F);
        row(ps, "GET", "/api/audit/me", "/api/audit/me", null, F, F, F, A);
        // Care teams: patient 1 is in physio's care only; physio2 is outside its care team.
        row(ps, "GET", "/api/patients/accessible", "/api/patients/accessible", null, A, A, F, F);
        row(ps, "GET", "/api/patients/{id}/access", "/api/patients/1/access", null, A, F, A, F);
        row(ps, "POST", "/api/patients/{id}/access", "/api/patients/" + NONE + "/access", "{}", A, A, F, F);
        row(ps, "GET", "/api/patients/{id}/access-grants", "/api/patients/1/access-grants", null, A, F, A, F);
        row(ps, "GET", "/api/access-grants", "/api/access-grants", null, F, F, A, F);
        row(
                ps,
                "PUT",
                "/api/patients/{id}/care-team",
                "/api/patients/1/care-team",
                "{\"carePhysio\":\"physio\",\"careTeam\":[],\"version\":999999}",
                A,
                F,
                A,
                F);
        // E-mail notifications (issue 20; docs/notifications.md). A patient's own preferences; staff's own; the
        // unsubscribe link (no login; an invalid token here, so nothing changes); the admin's outbox views. Writes
        // carry a refused field (an impossible time or zone), so nothing changes.
        row(ps, "GET", "/api/me/preferences", "/api/me/preferences", null, F, F, F, A);
        row(ps, "PUT", "/api/me/preferences", "/api/me/preferences", "{\"reminderTime\":\"25:99\"}", F, F, F, A);
        row(ps, "GET", "/api/staff/me/notifications", "/api/staff/me/notifications", null, A, A, A, F);
        row(
                ps,
                "PUT",
                "/api/staff/me/notifications",
                "/api/staff/me/notifications",
                "{\"dailyDigest\":true,\"weeklySummary\":true,\"timeZone\":\"No/Such_Zone\"}",
                A,
                A,
                A,
                F);
        String badLink = "{\"token\":\"not-a-signed-token\"}";
        row(ps, "POST", "/api/notifications/unsubscribe", "/api/notifications/unsubscribe", badLink, A, A, A, A);
        row(
                ps,
                "GET",
                "/api/notifications/unsubscribe",
                "/api/notifications/unsubscribe?token=not-a-signed-token",
                null,
                A,
                A,
                A,
                A);
        row(ps, "GET", "/api/notifications", "/api/notifications?status=FAILED,UNCERTAIN", null, F, F, A, F);
        row(ps, "GET", "/api/notifications/summary", "/api/notifications/summary", null, F, F, A, F);
        // program-service
        String pr = "program";
        row(pr, "GET", "/api/exercises", "/api/exercises", null, A, A, A, A);
        row(pr, "GET", "/api/exercises/{slug}", "/api/exercises/pelvic-tilts", null, A, A, A, A);
        row(pr, "POST", "/api/exercises", "/api/exercises", "{}", A, A, F, F);
        // The clinic's own library: edits, copies and retirements are the physio's; ids and slugs here do not exist
        // or bodies are refused, so nothing changes.
        row(pr, "GET", "/api/exercises/{slug}/revisions", "/api/exercises/pelvic-tilt/revisions", null, A, A, A, F);
        row(
                pr,
                "GET",
                "/api/exercises/{slug}/translations",
                "/api/exercises/pelvic-tilt/translations",
                null,
                A,
                A,
                A,
                F);
        row(
                pr,
                "PUT",
                "/api/exercises/{slug}/translations/{lang}",
                "/api/exercises/no-such-exercise/translations/es",
                "{}",
                A,
                A,
                F,
                F);
        row(pr, "PUT", "/api/exercises/{slug}", "/api/exercises/no-such-exercise", "{}", A, A, F, F);
        row(pr, "POST", "/api/exercises/{slug}/copy", "/api/exercises/pelvic-tilt/copy", "{}", A, A, F, F);
        row(pr, "POST", "/api/exercises/{slug}/retire", "/api/exercises/no-such-exercise/retire", "{}", A, A, F, F);
        row(pr, "POST", "/api/exercises/{slug}/unretire", "/api/exercises/no-such-exercise/unretire", "{}", A, A, F, F);
        row(pr, "POST", "/api/exercises/{slug}/image", "/api/exercises/no-such-exercise/image", null, A, A, F, F);
        row(pr, "DELETE", "/api/exercises/{slug}/image", "/api/exercises/no-such-exercise/image", null, A, A, F, F);
        // A picture: staff see any; a patient only those of their own programs' exercises (else the same 404).
        row(pr, "GET", "/api/media/{id}", "/api/media/" + NONE, null, A, A, A, A);
        row(pr, "GET", "/api/illustrations/{key}.svg", "/api/illustrations/no-such-drawing.svg", null, A, A, A, A);
        row(pr, "GET", "/api/protocols", "/api/protocols", null, A, A, A, F);
        row(pr, "GET", "/api/protocols/{code}", "/api/protocols/sciatica-phased", null, A, A, A, F);
        row(pr, "GET", "/api/protocols/{code}/versions", "/api/protocols/sciatica-phased/versions", null, A, A, A, F);
        row(pr, "POST", "/api/protocols", "/api/protocols", "{}", A, A, F, F);
        row(pr, "PUT", "/api/protocols/{code}", "/api/protocols/no-such-protocol", "{}", A, A, F, F);
        row(pr, "POST", "/api/protocols/{code}/copy", "/api/protocols/sciatica-phased/copy", "{}", A, A, F, F);
        row(pr, "POST", "/api/protocols/{code}/retire", "/api/protocols/no-such-protocol/retire", "{}", A, A, F, F);
        row(pr, "GET", "/api/templates", "/api/templates", null, A, A, A, F);
        row(pr, "GET", "/api/templates/{id}", "/api/templates/" + NONE, null, A, A, A, F);
        row(pr, "POST", "/api/templates", "/api/templates", "{}", A, A, F, F);
        row(
                pr,
                "POST",
                "/api/templates/from-program/{programId}",
                "/api/templates/from-program/" + NONE,
                "{}",
                A,
                A,
                F,
                F);
        row(pr, "DELETE", "/api/templates/{id}", "/api/templates/" + NONE, null, A, A, A, F);
        row(pr, "POST", "/api/programs", "/api/programs", "{}", A, A, F, F);
        row(pr, "GET", "/api/programs", "/api/programs?patientId=1", null, A, F, A, F);
        row(pr, "GET", "/api/programs/{id}", "/api/programs/1", null, A, F, A, A);
        row(pr, "GET", "/api/programs/{id}", "/api/programs/2", null, F, A, A, N);
        row(pr, "GET", "/api/programs/me", "/api/programs/me", null, F, F, F, A);
        row(pr, "GET", "/api/programs/me/today", "/api/programs/me/today", null, F, F, F, A);
        row(pr, "POST", "/api/programs/{id}/phase", "/api/programs/" + NONE + "/phase", "{}", A, A, F, F);
        row(pr, "POST", "/api/programs/{id}/resume", "/api/programs/" + NONE + "/resume", "{}", A, A, F, F);
        row(
                pr,
                "POST",
                "/api/programs/{id}/exercises/{slug}/update-revision",
                "/api/programs/" + NONE + "/exercises/pelvic-tilt/update-revision",
                "{}",
                A,
                A,
                F,
                F);
        // patient-service's service account (role clinical-service) or a physio; never a patient or an admin.
        row(pr, "POST", "/api/programs/holds", "/api/programs/holds", "{}", A, A, F, F);
        row(pr, "GET", "/api/programs/{id}/progress", "/api/programs/1/progress", null, A, F, A, A);
        row(pr, "GET", "/api/programs/{id}/progress", "/api/programs/2/progress", null, F, A, A, N);
        row(pr, "POST", "/api/programs/{programId}/sessions", "/api/programs/1/sessions", "{}", F, F, F, A);
        row(pr, "POST", "/api/programs/{programId}/sessions", "/api/programs/2/sessions", validSession, F, F, F, N);
        row(pr, "GET", "/api/programs/{programId}/sessions", "/api/programs/1/sessions", null, A, F, A, A);
        row(pr, "GET", "/api/programs/{programId}/sessions", "/api/programs/2/sessions", null, F, A, A, N);
        row(pr, "GET", "/api/alerts", "/api/alerts", null, A, A, F, F);
        row(pr, "POST", "/api/alerts/{id}/acknowledge", "/api/alerts/" + NONE + "/acknowledge", "{}", A, A, F, F);
        // Outcomes (issue 19): questionnaires, discharge and its summary.
        row(pr, "GET", "/api/instruments", "/api/instruments", null, A, A, A, A);
        row(pr, "POST", "/api/programs/{id}/measures", "/api/programs/" + NONE + "/measures", "{}", A, A, F, A);
        row(pr, "POST", "/api/programs/{id}/measures", "/api/programs/2/measures", "{}", F, A, F, N);
        row(pr, "GET", "/api/programs/{id}/measures", "/api/programs/1/measures", null, A, F, A, A);
        row(pr, "GET", "/api/programs/{id}/measures", "/api/programs/2/measures", null, F, A, A, N);
        row(pr, "GET", "/api/programs/{id}/measures/due", "/api/programs/1/measures/due", null, A, F, A, A);
        row(pr, "GET", "/api/programs/{id}/measures/due", "/api/programs/2/measures/due", null, F, A, A, N);
        row(pr, "POST", "/api/programs/{id}/discharge", "/api/programs/" + NONE + "/discharge", "{}", A, A, F, F);
        row(pr, "GET", "/api/programs/{id}/summary", "/api/programs/1/summary", null, A, F, A, A);
        row(pr, "GET", "/api/programs/{id}/summary", "/api/programs/2/summary", null, F, A, A, N);
        row(pr, "GET", "/api/programs/{id}/fhir", "/api/programs/1/fhir", null, A, F, A, F);
        row(pr, "GET", "/api/programs/{id}/fhir", "/api/programs/2/fhir", null, F, A, A, F);
        for (String report : List.of("overview", "caseload", "referrals", "adherence", "outcomes")) {
            row(pr, "GET", "/api/reports/" + report, "/api/reports/" + report, null, F, F, A, F);
        }
        row(pr, "GET", "/api/audit", "/api/audit", null, F, F, A, F);
        row(pr, "GET", "/api/audit/me", "/api/audit/me", null, F, F, F, A);
        // The notice feed (issue 20): patient-service's service account (role clinical-service) only, never a person
        // (NotificationJourneyTest and ReplicasSystemTest show the service account's reads working).
        row(pr, "GET", "/api/notices", "/api/notices?after=0&limit=5", null, F, F, F, F);
        row(pr, "POST", "/api/notices/status", "/api/notices/status", "{\"patients\":[]}", F, F, F, F);
        row(pr, "GET", "/api/notices/open-alerts", "/api/notices/open-alerts", null, F, F, F, F);
        String week = "/api/notices/week?from=" + LocalDate.now().minusDays(7) + "&to=" + LocalDate.now();
        row(pr, "GET", "/api/notices/week", week, null, F, F, F, F);
    }

    static SystemStack stack;
    static Map<String, String> tokens;
    static String expiredAdmin;
    static String otherAudienceAdmin;

    @BeforeAll
    static void start() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        stack = SystemStack.get();
        tokens = Map.of(
                "physio",
                Tokens.demo("physio"),
                "physio2",
                Tokens.demo("physio2"),
                "admin",
                Tokens.demo("admin"),
                "patient",
                Tokens.demo("patient"));
        expiredAdmin = Tokens.expired("admin");
        otherAudienceAdmin = Tokens.otherAudience("admin");
    }

    @Test
    void theSpecialTokensAreRealKeycloakTokensThatDifferOnlyAsIntended() {
        assertThat(Tokens.expiry(expiredAdmin))
                .isLessThan(java.time.Instant.now().getEpochSecond());
        assertThat(Tokens.expiry(otherAudienceAdmin))
                .isGreaterThan(java.time.Instant.now().getEpochSecond());
        assertThat(Tokens.audience(otherAudienceAdmin))
                .doesNotContain("patient-service")
                .doesNotContain("program-service");
        assertThat(Tokens.audience(expiredAdmin)).contains("patient-service").contains("program-service");
    }

    @Test
    void tableListsExactlyThePublishedEndpoints() {
        TreeSet<String> published = new TreeSet<>();
        published.addAll(publishedEndpoints("patient", stack.patientService()));
        published.addAll(publishedEndpoints("program", stack.programService()));
        TreeSet<String> listed = new TreeSet<>();
        TABLE.forEach(r -> listed.add(r.service() + " " + r.method() + " " + r.template()));
        assertThat(listed)
                .as("every endpoint in the OpenAPI documents has a row, and no row is stale")
                .isEqualTo(published);
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersEveryCallerAsTheContractSays() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : TABLE) {
            String base = row.service().equals("patient") ? stack.patientService() : stack.programService();
            String name = row.method() + " " + row.path();
            if (PUBLIC.contains(row.service() + " " + row.method() + " " + row.template())) {
                tests.add(DynamicTest.dynamicTest(name + " without token → answered like anyone", () -> {
                    Response response = call(row, base, null);
                    assertThat(response.statusCode())
                            .as("%s: %s", name, response.asString())
                            .isNotIn(401, 403)
                            .isLessThan(500);
                }));
                for (String broken : List.of(tamper(tokens.get("admin")), expiredAdmin, otherAudienceAdmin)) {
                    tests.add(DynamicTest.dynamicTest(
                            name + " with a broken token → refused or ignored",
                            () -> assertThat(call(row, base, broken).statusCode())
                                    .isNotEqualTo(403)
                                    .isLessThan(500)));
                }
                row.roles()
                        .forEach((role, expect) -> tests.add(DynamicTest.dynamicTest(
                                name + " as " + role + " → " + expect, () -> check(row, base, role, expect))));
                continue;
            }
            tests.add(DynamicTest.dynamicTest(
                    name + " without token → 401",
                    () -> assertThat(call(row, base, null).statusCode()).isEqualTo(401)));
            tests.add(DynamicTest.dynamicTest(name + " with a tampered token → 401", () -> assertThat(
                            call(row, base, tamper(tokens.get("admin"))).statusCode())
                    .isEqualTo(401)));
            tests.add(DynamicTest.dynamicTest(
                    name + " with an expired token → 401",
                    () -> assertThat(call(row, base, expiredAdmin).statusCode()).isEqualTo(401)));
            tests.add(DynamicTest.dynamicTest(name + " with a token for another audience → 401", () -> assertThat(
                            call(row, base, otherAudienceAdmin).statusCode())
                    .isEqualTo(401)));
            row.roles()
                    .forEach((role, expect) -> tests.add(DynamicTest.dynamicTest(
                            name + " as " + role + " → " + expect, () -> check(row, base, role, expect))));
        }
        return tests.stream();
    }

    private static void check(Row row, String base, String role, Expect expect) {
        Response response = call(row, base, tokens.get(role));
        int status = response.statusCode();
        String body = response.asString();
        switch (expect) {
            case ALLOWED -> assertThat(status)
                    .as("%s %s as %s: %s", row.method(), row.path(), role, body)
                    .isNotIn(401, 403)
                    .isLessThan(500);
            case FORBIDDEN_403 -> {
                assertThat(status)
                        .as("%s %s as %s: %s", row.method(), row.path(), role, body)
                        .isEqualTo(403);
                if (role.startsWith("physio")
                        && (row.roles().get("physio") == Expect.ALLOWED
                                || row.roles().get("physio2") == Expect.ALLOWED)) {
                    // The other physio may call it, so the refusal is about the care team, and says who to ask.
                    assertThat(response.jsonPath().getString("type"))
                            .as("%s %s as %s", row.method(), row.path(), role)
                            .endsWith("/not-in-care-team");
                    assertThat(response.jsonPath().getString("carePhysio")).isNotBlank();
                }
            }
            case NOT_FOUND_404 -> assertThat(status)
                    .as("%s %s as %s: %s", row.method(), row.path(), role, body)
                    .isEqualTo(404);
        }
        if (status >= 400) {
            assertThat(response.contentType()).as("errors are problem+json").startsWith("application/problem+json");
        }
    }

    private static Response call(Row row, String base, String token) {
        RequestSpecification request = given().accept("application/json");
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if (row.body() != null) {
            request = request.contentType("application/json").body(row.body());
        }
        return request.request(row.method(), base + row.path());
    }

    private static String tamper(String token) {
        String[] parts = token.split("\\.");
        String sig = parts[2];
        char c = sig.charAt(sig.length() / 2);
        String changed =
                sig.substring(0, sig.length() / 2) + (c == 'A' ? 'B' : 'A') + sig.substring(sig.length() / 2 + 1);
        return parts[0] + "." + parts[1] + "." + changed;
    }

    private static List<String> publishedEndpoints(String service, String base) {
        Map<String, Map<String, Object>> paths = given().accept("application/json")
                .get(base + "/q/openapi?format=json")
                .jsonPath()
                .getMap("paths");
        List<String> endpoints = new ArrayList<>();
        paths.forEach((path, operations) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            String template = path.replaceAll("\\{(\\w+)[^}]*}", "{$1}");
            for (String method : operations.keySet()) {
                if (List.of("get", "post", "put", "delete", "patch").contains(method)) {
                    endpoints.add(service + " " + method.toUpperCase() + " " + template);
                }
            }
        });
        return endpoints;
    }
}
