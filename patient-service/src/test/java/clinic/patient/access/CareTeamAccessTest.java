package clinic.patient.access;

import static clinic.patient.testing.Fixtures.TOKENS;
import static clinic.patient.testing.Fixtures.clearScreening;
import static clinic.patient.testing.Fixtures.newPatient;
import static clinic.patient.testing.Fixtures.registerPatientAs;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import clinic.patient.testing.FakeKeycloak;
import clinic.patient.testing.Fixtures;
import clinic.patient.testing.WithFakeKeycloak;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The care-team rule on every patient endpoint: the care physio, a team member and a physio holding an unexpired
 * break-the-glass grant may; any other physio gets the not-in-care-team 403; admins always. Against {@link FakeKeycloak}
 * (physio, physio2, physio3, physio4 are physios there), so care-team changes are checked as in production.
 */
@QuarkusTest
@TestProfile(WithFakeKeycloak.class)
class CareTeamAccessTest {

    private static final String REASON = "Covering for the care physio: patient called with worse leg pain.";

    @Inject
    EntityManager em;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** Each endpoint that reads or changes one patient's data, as the given physio. */
    private static List<Response> everyPatientEndpoint(String physio, long id) {
        String token = TOKENS.physio(physio);
        return List.of(
                given().auth().oauth2(token).get("/api/patients/{id}", id),
                given().auth()
                        .oauth2(token)
                        .contentType(ContentType.JSON)
                        .body(Map.of())
                        .put("/api/patients/{id}", id),
                given().auth().oauth2(token).get("/api/patients/{id}/screenings", id),
                given().auth().oauth2(token).get("/api/patients/{id}/screenings/{sid}", id, 1),
                given().auth()
                        .oauth2(token)
                        .contentType(ContentType.JSON)
                        .body(clearScreening())
                        .post("/api/patients/{id}/screenings", id),
                given().auth().oauth2(token).get("/api/patients/{id}/clearance", id),
                given().auth().oauth2(token).post("/api/patients/{id}/account", id),
                given().auth().oauth2(token).get("/api/patients/{id}/access-grants", id));
    }

    @Test
    void anotherPhysiosPatientIsRefusedOnEveryEndpointWithWhoToAskAndWhereToBreakTheGlass() {
        long id = registerPatientAs("physio", newPatient());
        for (Response r : everyPatientEndpoint("physio2", id)) {
            if (r.statusCode() == 400) {
                continue; // the PUT with an empty body is refused by validation before anything is looked up
            }
            notInCareTeam(r.then(), id, "physio");
        }
        notInCareTeam(
                given().auth()
                        .oauth2(TOKENS.physio("physio2"))
                        .get("/api/patients/{id}/access", id)
                        .then(),
                id,
                "physio");

        // Every refusal is in the audit trail as REFUSED, by physio2, about this patient.
        JsonPath audit = audit(Map.of("patientId", id, "user", "physio2", "size", 100));
        assertThat(audit.getList("items.outcome")).isNotEmpty().containsOnly("REFUSED");
        assertThat(audit.getList("items.action"))
                .contains("PATIENT_READ", "SCREENINGS_READ", "SCREENING_CREATED", "CLEARANCE_READ", "ACCOUNT_INVITED");
        assertThat(audit.getList("items.reason")).containsOnly("not in care team");
    }

    @Test
    void theCarePhysioReadsAndChangesTheirOwnPatient() {
        long id = registerPatientAs("physio", newPatient());
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/patients/{id}", id)
                .then()
                .statusCode(200);
        Fixtures.screen(id, clearScreening()).then().statusCode(201);
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/patients/{id}/clearance", id)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/patients/{id}/access", id)
                .then()
                .statusCode(200)
                .body("access", equalTo("CARE_PHYSIO"))
                .body("carePhysio", equalTo("physio"))
                .body("careTeam", equalTo(List.of()))
                .body("expiresAt", nullValue());
    }

    @Test
    void anUnknownPatientIs404AndTheRefusalIsAudited() {
        long absent = 77_000_000L + System.nanoTime() % 1_000_000;
        given().auth()
                .oauth2(TOKENS.physio("physio2"))
                .get("/api/patients/{id}", absent)
                .then()
                .statusCode(404);
        JsonPath audit = audit(Map.of("patientId", absent));
        assertThat(audit.getList("items.outcome")).containsExactly("REFUSED");
        assertThat(audit.getList("items.action")).containsExactly("PATIENT_READ");
    }

    @Test
    void breakingTheGlassOpensThePatientUntilTheGrantExpires() {
        long id = registerPatientAs("physio", newPatient());
        given().auth()
                .oauth2(TOKENS.physio("physio2"))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "short"))
                .post("/api/patients/{id}/access", id)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        given().auth()
                .oauth2(TOKENS.physio("physio2"))
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/api/patients/{id}/access", id)
                .then()
                .statusCode(400);

        Instant before = Instant.now();
        JsonPath grant = breakGlass("physio2", id)
                .statusCode(201)
                .body("patientId", equalTo((int) id))
                .body("grantedTo", equalTo("physio2"))
                .body("reason", equalTo(REASON))
                .extract()
                .jsonPath();
        Duration lasts = Duration.between(
                Instant.parse(grant.getString("grantedAt")), Instant.parse(grant.getString("expiresAt")));
        assertThat(lasts).isEqualTo(Duration.ofHours(12));
        assertThat(Instant.parse(grant.getString("grantedAt"))).isAfterOrEqualTo(before.minusSeconds(1));

        given().auth()
                .oauth2(TOKENS.physio("physio2"))
                .get("/api/patients/{id}", id)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(TOKENS.physio("physio2"))
                .get("/api/patients/{id}/access", id)
                .then()
                .statusCode(200)
                .body("access", equalTo("BREAK_GLASS"))
                .body("expiresAt", equalTo(grant.getString("expiresAt")));
        given().auth()
                .oauth2(TOKENS.physio("physio2"))
                .get("/api/patients/accessible")
                .then()
                .statusCode(200)
                .body("patientIds", hasItem((int) id))
                .body(
                        "breakGlass.find { it.patientId == %d }.expiresAt".formatted(id),
                        equalTo(grant.getString("expiresAt")))
                .body("carePhysio", not(hasItem((int) id)))
                .body("careTeam", not(hasItem((int) id)));

        // Audited with its reason; the care team and admins see who opened the record and why.
        JsonPath audit = audit(Map.of("patientId", id, "action", "BREAK_GLASS"));
        assertThat(audit.getList("items.user")).containsExactly("physio2");
        assertThat(audit.getList("items.reason")).containsExactly(REASON);
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/patients/{id}/access-grants", id)
                .then()
                .statusCode(200)
                .body("grantedTo", equalTo(List.of("physio2")))
                .body("reason", equalTo(List.of(REASON)))
                .body("active", equalTo(List.of(true)));
        // The holder of a grant is not the care team: they may not list who else opened it.
        given().auth()
                .oauth2(TOKENS.physio("physio2"))
                .get("/api/patients/{id}/access-grants", id)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TOKENS.admin("admin"))
                .queryParam("active", "true")
                .get("/api/access-grants")
                .then()
                .statusCode(200)
                .body("id", hasItem(grant.getInt("id")));

        // Expired: refused again, and no longer in the accessible list.
        long grantId = grant.getLong("id");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "UPDATE access_grant SET expires_at = NOW(6) - INTERVAL 1 MINUTE WHERE id = ?1")
                .setParameter(1, grantId)
                .executeUpdate());
        notInCareTeam(
                given().auth()
                        .oauth2(TOKENS.physio("physio2"))
                        .get("/api/patients/{id}", id)
                        .then(),
                id,
                "physio");
        given().auth()
                .oauth2(TOKENS.physio("physio2"))
                .get("/api/patients/accessible")
                .then()
                .body("patientIds", not(hasItem((int) id)))
                .body("breakGlass.patientId", not(hasItem((int) id)));
        given().auth()
                .oauth2(TOKENS.admin("admin"))
                .queryParam("active", "false")
                .get("/api/access-grants")
                .then()
                .statusCode(200)
                .body("id", hasItem((int) grantId));
    }

    @Test
    void theCareTeamNeedsNoGlassToBreak() {
        long id = registerPatientAs("physio", newPatient());
        breakGlass("physio", id).statusCode(409);
        given().auth()
                .oauth2(TOKENS.admin("admin"))
                .queryParam("active", "maybe")
                .get("/api/access-grants")
                .then()
                .statusCode(400);
    }

    @Test
    void afterATransferTheOldPhysioIsRefusedAndTheNewOneAllowed() {
        long id = registerPatientAs("physio", newPatient());
        int version = read("physio", id).getInt("version");
        changeTeam("physio", id, "physio2", List.of(), version + 5).statusCode(409);
        changeTeam("physio", id, "physio2", List.of(), version)
                .statusCode(200)
                .body("carePhysio", equalTo("physio2"))
                .body("careTeam", equalTo(List.of()))
                .body("version", equalTo(version + 1));

        notInCareTeam(
                given().auth()
                        .oauth2(TOKENS.physio("physio"))
                        .get("/api/patients/{id}", id)
                        .then(),
                id,
                "physio2");
        given().auth()
                .oauth2(TOKENS.physio("physio2"))
                .get("/api/patients/{id}", id)
                .then()
                .statusCode(200);

        JsonPath audit = audit(Map.of("patientId", id, "action", "CARE_TEAM_CHANGED"));
        assertThat(audit.getList("items.user")).containsExactly("physio");
        assertThat(audit.getString("items[0].reason"))
                .isEqualTo("carePhysio=physio careTeam=[] -> carePhysio=physio2 careTeam=[]");
    }

    @Test
    void aSharedTeamMemberMayReadAndScreenButNotChangeTheTeam() {
        long id = registerPatientAs("physio", newPatient());
        int version = read("physio", id).getInt("version");
        changeTeam("physio", id, "physio", List.of("physio3"), version)
                .statusCode(200)
                .body("careTeam", equalTo(List.of("physio3")));

        given().auth()
                .oauth2(TOKENS.physio("physio3"))
                .get("/api/patients/{id}/access", id)
                .then()
                .statusCode(200)
                .body("access", equalTo("CARE_TEAM"));
        // The list program-service keeps says the same, each patient under one kind of access.
        given().auth()
                .oauth2(TOKENS.physio("physio3"))
                .get("/api/patients/accessible")
                .then()
                .statusCode(200)
                .body("patientIds", hasItem((int) id))
                .body("careTeam", hasItem((int) id))
                .body("carePhysio", not(hasItem((int) id)))
                .body("breakGlass.patientId", not(hasItem((int) id)));
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/patients/accessible")
                .then()
                .statusCode(200)
                .body("carePhysio", hasItem((int) id))
                .body("careTeam", not(hasItem((int) id)));
        given().auth()
                .oauth2(TOKENS.physio("physio3"))
                .get("/api/patients/{id}", id)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(TOKENS.physio("physio3"))
                .contentType(ContentType.JSON)
                .body(clearScreening())
                .post("/api/patients/{id}/screenings", id)
                .then()
                .statusCode(201);
        changeTeam("physio3", id, "physio3", List.of(), version + 1)
                .statusCode(403)
                .body("title", equalTo("Forbidden"));
        // A physio outside the team gets the not-in-care-team answer for the change too.
        notInCareTeam(changeTeam("physio4", id, "physio4", List.of(), version + 1), id, "physio");
        // The admin may change any team.
        changeTeam("admin", id, "physio", List.of(), version + 1, true).statusCode(200);
        notInCareTeam(
                given().auth()
                        .oauth2(TOKENS.physio("physio3"))
                        .get("/api/patients/{id}", id)
                        .then(),
                id,
                "physio");
    }

    @Test
    void onlyPhysiosOfTheRealmMayJoinATeam() {
        long id = registerPatientAs("physio", newPatient());
        int version = read("physio", id).getInt("version");
        changeTeam("physio", id, "physio", List.of("admin"), version)
                .statusCode(400)
                .body("violations[0].field", equalTo("careTeam"));
        changeTeam("physio", id, "nobody-here", List.of(), version).statusCode(400);
        assertThat(read("physio", id).getInt("version")).isEqualTo(version);
    }

    @Test
    void aCareTeamGivenAtRegistrationIsKeptAndChecked() {
        Map<String, Object> body = newPatient();
        body.put("careTeam", List.of("physio4"));
        long id = registerPatientAs("physio", body);
        assertThat(read("physio4", id).getList("careTeam")).containsExactly("physio4");

        Map<String, Object> named = newPatient();
        named.put("carePhysio", "physio2");
        long other = registerPatientAs("physio", named);
        assertThat(read("physio2", other).getString("carePhysio")).isEqualTo("physio2");

        Map<String, Object> stranger = newPatient();
        stranger.put("careTeam", List.of("someone-unknown"));
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(stranger)
                .post("/api/patients")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("careTeam"));
    }

    @Test
    void theRecordUpdateRefusesACareTeamChange() {
        long id = registerPatientAs("physio", newPatient());
        Map<String, Object> update = Fixtures.updateOf(read("physio", id));
        update.put("carePhysio", "physio2");
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(update)
                .put("/api/patients/{id}", id)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("carePhysio"))
                .body("violations[0].message", org.hamcrest.Matchers.containsString("/care-team"));
        update.remove("carePhysio");
        update.put("condition", "Better");
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(update)
                .put("/api/patients/{id}", id)
                .then()
                .statusCode(200)
                .body("carePhysio", equalTo("physio"));
    }

    @Test
    void adminsAreNotLimitedByCareTeams() {
        long id = registerPatientAs("physio", newPatient());
        given().auth()
                .oauth2(TOKENS.admin("admin"))
                .get("/api/patients/{id}/access", id)
                .then()
                .statusCode(200)
                .body("access", equalTo("ADMIN"));
        given().auth()
                .oauth2(TOKENS.admin("admin"))
                .get("/api/patients/{id}", id)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(TOKENS.admin("admin"))
                .get("/api/patients/{id}/access-grants", id)
                .then()
                .statusCode(200);
    }

    @Test
    void aPatientSeesWhichStaffAccessedTheirRecord() {
        String email = Fixtures.uniqueEmail();
        Map<String, Object> body = newPatient();
        body.put("email", email);
        long id = registerPatientAs("physio", body);
        read("physio", id);
        given().auth()
                .oauth2(TOKENS.patient(email))
                .get("/api/patients/me")
                .then()
                .statusCode(200);
        breakGlass("physio2", id).statusCode(201);

        JsonPath mine = given().auth()
                .oauth2(TOKENS.patient(email))
                .get("/api/audit/me")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(mine.getList("user")).containsExactly("physio2", "physio", "physio", "physio");
        assertThat(mine.getList("action"))
                .containsExactly("BREAK_GLASS", "PATIENT_READ", "ACCOUNT_INVITED", "PATIENT_CREATED");
        assertThat(mine.getString("[0].reason")).isEqualTo(REASON);
        assertThat(mine.getList("role")).containsOnly("physio");
        // Another patient sees nothing of it.
        given().auth()
                .oauth2(TOKENS.patient("nobody-" + email))
                .get("/api/audit/me")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/audit/me")
                .then()
                .statusCode(403);
    }

    static void notInCareTeam(ValidatableResponse r, long id, String carePhysio) {
        r.statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://clinic.example/problems/not-in-care-team"))
                .body("title", equalTo("Not in care team"))
                .body("status", equalTo(403))
                .body("patientId", equalTo((int) id))
                .body("carePhysio", equalTo(carePhysio))
                .body("breakGlass", equalTo("/api/patients/" + id + "/access"));
    }

    static ValidatableResponse breakGlass(String physio, long id) {
        return given().auth()
                .oauth2(TOKENS.physio(physio))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", REASON))
                .post("/api/patients/{id}/access", id)
                .then();
    }

    private static ValidatableResponse changeTeam(String caller, long id, String care, List<String> team, int version) {
        return changeTeam(caller, id, care, team, version, false);
    }

    private static ValidatableResponse changeTeam(
            String caller, long id, String care, List<String> team, int version, boolean admin) {
        return given().auth()
                .oauth2(admin ? TOKENS.admin(caller) : TOKENS.physio(caller))
                .contentType(ContentType.JSON)
                .body(Map.of("carePhysio", care, "careTeam", team, "version", version))
                .put("/api/patients/{id}/care-team", id)
                .then();
    }

    private static JsonPath read(String physio, long id) {
        return given().auth()
                .oauth2(TOKENS.physio(physio))
                .get("/api/patients/{id}", id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static JsonPath audit(Map<String, ?> query) {
        return given().auth()
                .oauth2(TOKENS.admin("admin"))
                .queryParams(query)
                .get("/api/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
