package clinic.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The care-team dimension of access, across both services and the portal, with real Keycloak tokens: a physio
 * outside a patient's care team is refused everywhere; break the glass opens the record for that physio (audited with
 * the reason, visible to the care physio and the admin); a transfer moves access from the old care physio to the new
 * one; sharing adds a physio without removing the care physio.
 *
 * <p>Each case uses patients of its own (registered, screened and prescribed over the API), so the demo patients'
 * care teams stay as the other tests expect them.
 */
class CareTeamTest {

    static SystemStack stack;
    static String physio;
    static String physio2;
    static String admin;

    @BeforeAll
    static void start() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        stack = SystemStack.get();
        physio = Tokens.demo("physio");
        physio2 = Tokens.demo("physio2");
        admin = Tokens.demo("admin");
    }

    record Episode(long patientId, long programId) {}

    static Episode episode(String family) {
        return episode(stack, physio, family);
    }

    /** A fresh patient in {@code physio}'s care, screened clear, with an active program. */
    static Episode episode(SystemStack stack, String physio, String family) {
        long patientId = given().auth()
                .oauth2(physio)
                .contentType("application/json")
                .body(Map.of(
                        "givenName",
                        "Robin",
                        "familyName",
                        family,
                        "dateOfBirth",
                        "1975-03-14",
                        "carePhysio",
                        "physio"))
                .post(stack.patientService() + "/api/patients")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        ProgramHoldTest.screen(physio, patientId, List.of());
        return new Episode(patientId, ProgramHoldTest.assign(physio, patientId));
    }

    static String family(String prefix) {
        return prefix + Long.toString(System.nanoTime(), 36);
    }

    /** The reads of one patient's data across both services, as one caller gets them. */
    static Map<String, Integer> reads(String token, Episode e) {
        String ps = stack.patientService() + "/api/patients/" + e.patientId();
        String pr = stack.programService() + "/api/programs/" + e.programId();
        return Map.of(
                "patient", get(token, ps).statusCode(),
                "screenings", get(token, ps + "/screenings").statusCode(),
                "clearance", get(token, ps + "/clearance").statusCode(),
                "program", get(token, pr).statusCode(),
                "programs of patient",
                        get(token, stack.programService() + "/api/programs?patientId=" + e.patientId())
                                .statusCode(),
                "progress", get(token, pr + "/progress").statusCode(),
                "sessions", get(token, pr + "/sessions").statusCode());
    }

    static Response get(String token, String url) {
        return given().auth().oauth2(token).accept("application/json").get(url);
    }

    static void assertAll(Map<String, Integer> statuses, int expected, String who) {
        assertThat(statuses).as(who).allSatisfy((what, status) -> assertThat(status)
                .as("%s: %s", who, what)
                .isEqualTo(expected));
    }

    /** program-service caches an allowed answer briefly: a withdrawn access shows within that time, not at once. */
    static void awaitReads(String token, Episode e, int expected, String who) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(45));
        Map<String, Integer> last = reads(token, e);
        while (!last.values().stream().allMatch(s -> s == expected)
                && Instant.now().isBefore(deadline)) {
            sleep(1000);
            last = reads(token, e);
        }
        assertAll(last, expected, who);
    }

    @Test
    void aPhysioOutsideTheCareTeamIsRefusedEverywhereAndToldWhoToAsk() {
        Episode e = episode(family("Outside"));
        assertAll(reads(physio, e), 200, "the care physio");
        assertAll(reads(physio2, e), 403, "a physio outside the care team");

        JsonPath refusal = get(physio2, stack.patientService() + "/api/patients/" + e.patientId())
                .then()
                .contentType("application/problem+json")
                .extract()
                .jsonPath();
        assertThat(refusal.getString("type")).endsWith("/not-in-care-team");
        assertThat(refusal.getString("carePhysio")).isEqualTo("physio");
        assertThat(refusal.getString("breakGlass")).isEqualTo("/api/patients/" + e.patientId() + "/access");
        JsonPath programRefusal = get(physio2, stack.programService() + "/api/programs/" + e.programId())
                .then()
                .contentType("application/problem+json")
                .extract()
                .jsonPath();
        assertThat(programRefusal.getString("type")).endsWith("/not-in-care-team");
        assertThat(programRefusal.getString("carePhysio")).isEqualTo("physio");

        // Changes are refused as well, and nothing changes.
        assertThat(given().auth()
                        .oauth2(physio2)
                        .contentType("application/json")
                        .body(Map.of("phase", 2, "reason", "Progressing well", "version", 0))
                        .post(stack.programService() + "/api/programs/" + e.programId() + "/phase")
                        .statusCode())
                .isEqualTo(403);
        assertThat(given().auth()
                        .oauth2(physio2)
                        .contentType("application/json")
                        .body(Map.of("carePhysio", "physio2", "careTeam", List.of(), "version", 0))
                        .put(stack.patientService() + "/api/patients/" + e.patientId() + "/care-team")
                        .statusCode())
                .as("a physio outside the team cannot move the patient into their own care")
                .isEqualTo(403);
        assertThat(given().auth()
                        .oauth2(physio2)
                        .post(stack.patientService() + "/api/patients/" + e.patientId() + "/account")
                        .statusCode())
                .as("nor send the patient a login")
                .isEqualTo(403);
        assertThat(get(physio, stack.programService() + "/api/programs/" + e.programId())
                        .jsonPath()
                        .getInt("phase"))
                .isEqualTo(1);

        // The clinic-wide search finds the patient, with only what is needed to ask the care physio.
        JsonPath found = given().auth()
                .oauth2(physio2)
                .accept("application/json")
                .queryParam("scope", "all")
                .queryParam("q", "Robin")
                .get(stack.patientService() + "/api/patients")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Object> item = found.getMap("items.find { it.id == " + e.patientId() + " }");
        assertThat(item).as("found by a clinic-wide search").isNotNull();
        assertThat(item.get("carePhysio")).isEqualTo("physio");
        assertThat(item.get("dateOfBirth"))
                .as("no clinical detail in the search")
                .isNull();
        assertThat(item.get("condition")).isNull();
        // "My patients" (the default) does not list it.
        assertThat(given().auth()
                        .oauth2(physio2)
                        .accept("application/json")
                        .queryParam("size", 500)
                        .get(stack.patientService() + "/api/patients")
                        .jsonPath()
                        .getList("items.id", Long.class))
                .doesNotContain(e.patientId());

        // The refusals are in the audit, with the patient's id.
        assertThat(audit("patient", e.patientId(), "physio2"))
                .as("patient-service records the refusals")
                .anySatisfy(row -> assertThat(row.get("outcome")).isEqualTo("REFUSED"));
        assertThat(audit("program", e.patientId(), "physio2"))
                .as("program-service records the refusals")
                .anySatisfy(row -> assertThat(row.get("outcome")).isEqualTo("REFUSED"));

        // The portal shows the refusal with who to ask and the break-the-glass form, not the record.
        PortalSession portal = PortalSession.of("physio2");
        var page = portal.get("/patients/" + e.patientId());
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body())
                .contains("care team")
                .contains("physio")
                .contains("/patients/" + e.patientId() + "/access")
                .doesNotContain("1975-03-14");
    }

    @Test
    void breakingTheGlassOpensTheRecordForTheCallerOnlyAndIsAuditedWithItsReason() {
        Episode e = episode(family("Glass"));
        assertAll(reads(physio2, e), 403, "before break the glass");

        assertThat(given().auth()
                        .oauth2(physio2)
                        .contentType("application/json")
                        .body(Map.of("reason", "x"))
                        .post(stack.patientService() + "/api/patients/" + e.patientId() + "/access")
                        .statusCode())
                .as("a reason is required")
                .isEqualTo(400);
        String reason = "Covering the Saturday clinic, patient called with worse leg pain";
        JsonPath grant = given().auth()
                .oauth2(physio2)
                .contentType("application/json")
                .body(Map.of("reason", reason))
                .post(stack.patientService() + "/api/patients/" + e.patientId() + "/access")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        assertThat(grant.getString("grantedTo")).isEqualTo("physio2");
        Instant expires = Instant.parse(grant.getString("expiresAt"));
        assertThat(expires)
                .isAfter(Instant.now().plus(Duration.ofHours(11)))
                .isBefore(Instant.now().plus(Duration.ofHours(13)));

        assertAll(reads(physio2, e), 200, "after break the glass");
        assertThat(get(physio2, stack.patientService() + "/api/patients/" + e.patientId() + "/access")
                        .jsonPath()
                        .getString("access"))
                .isEqualTo("BREAK_GLASS");

        // The care physio sees who opened their patient and why; the admin sees it in the list and the audit.
        assertThat(get(physio, stack.patientService() + "/api/patients/" + e.patientId() + "/access-grants")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("grantedTo", String.class))
                .contains("physio2");
        List<Map<String, Object>> grants = given().auth()
                .oauth2(admin)
                .accept("application/json")
                .get(stack.patientService() + "/api/access-grants")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        assertThat(grants)
                .anySatisfy(
                        g -> assertThat(g).containsEntry("grantedTo", "physio2").containsEntry("reason", reason));
        assertThat(audit("patient", e.patientId(), "physio2"))
                .anySatisfy(row ->
                        assertThat(row).containsEntry("action", "BREAK_GLASS").containsEntry("reason", reason));

        // Only for the caller: the demo patient 2's physio did not gain anything else.
        assertThat(get(physio2, stack.patientService() + "/api/patients/1").statusCode())
                .isEqualTo(403);
    }

    @Test
    void aTransferMovesAccessAndSharingAddsAPhysio() {
        Episode moved = episode(family("Moved"));
        JsonPath before = get(physio, stack.patientService() + "/api/patients/" + moved.patientId())
                .jsonPath();
        JsonPath transferred = given().auth()
                .oauth2(physio)
                .contentType("application/json")
                .body(Map.of("carePhysio", "physio2", "careTeam", List.of(), "version", before.getLong("version")))
                .put(stack.patientService() + "/api/patients/" + moved.patientId() + "/care-team")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(transferred.getString("carePhysio")).isEqualTo("physio2");
        awaitReads(physio2, moved, 200, "the new care physio");
        awaitReads(physio, moved, 403, "the old care physio, once the transfer is known everywhere");
        assertThat(audit("patient", moved.patientId(), "physio"))
                .anySatisfy(row -> assertThat(row.get("action")).isEqualTo("CARE_TEAM_CHANGED"));

        Episode shared = episode(family("Shared"));
        JsonPath record = get(physio, stack.patientService() + "/api/patients/" + shared.patientId())
                .jsonPath();
        assertThat(given().auth()
                        .oauth2(physio)
                        .contentType("application/json")
                        .body(Map.of(
                                "carePhysio",
                                "physio",
                                "careTeam",
                                List.of("not-a-physio-" + System.nanoTime()),
                                "version",
                                record.getLong("version")))
                        .put(stack.patientService() + "/api/patients/" + shared.patientId() + "/care-team")
                        .statusCode())
                .as("only existing physios can join a care team")
                .isEqualTo(400);
        assertThat(given().auth()
                        .oauth2(physio)
                        .contentType("application/json")
                        .body(Map.of(
                                "carePhysio",
                                "physio",
                                "careTeam",
                                List.of("admin"),
                                "version",
                                record.getLong("version")))
                        .put(stack.patientService() + "/api/patients/" + shared.patientId() + "/care-team")
                        .statusCode())
                .as("an admin is not a physio")
                .isEqualTo(400);
        given().auth()
                .oauth2(physio)
                .contentType("application/json")
                .body(Map.of(
                        "carePhysio", "physio", "careTeam", List.of("physio2"), "version", record.getLong("version")))
                .put(stack.patientService() + "/api/patients/" + shared.patientId() + "/care-team")
                .then()
                .statusCode(200);
        assertAll(reads(physio2, shared), 200, "a physio the care is shared with");
        assertAll(reads(physio, shared), 200, "the care physio, after sharing");
    }

    /** The admin's view of one service's audit trail for a patient and a user. */
    static List<Map<String, Object>> audit(String service, long patientId, String user) {
        String base = service.equals("patient") ? stack.patientService() : stack.programService();
        return given().auth()
                .oauth2(admin)
                .accept("application/json")
                .queryParam("patientId", patientId)
                .queryParam("user", user)
                .queryParam("size", 500)
                .get(base + "/api/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
