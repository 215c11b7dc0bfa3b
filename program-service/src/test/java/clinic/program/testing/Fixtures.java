package clinic.program.testing;

import static io.restassured.RestAssured.given;

import clinic.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Test data built through the API: each call makes a new patient, so tests never share records. */
public final class Fixtures {

    public static final TestTokens TOKENS = TestTokens.forAudience("program-service");

    private Fixtures() {}

    /** A new cleared patient in physio's care with a program at the given phase. */
    public static Assigned assignPhase(int phase) {
        return assignPhase(phase, "physio");
    }

    /** A new cleared patient in the given physio's care with a program at the given phase, assigned by that physio. */
    public static Assigned assignPhase(int phase, String carePhysio) {
        long patientId = FakePatientService.newPatientId();
        String account = "pat-" + patientId;
        FakePatientService.cleared(patientId, account, carePhysio);
        long programId = given().auth()
                .oauth2(TOKENS.physio(carePhysio))
                .contentType(ContentType.JSON)
                .body(Map.of("patientId", patientId, "protocol", "sciatica-phased", "phase", phase))
                .when()
                .post("/api/programs")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        return new Assigned(patientId, programId, account);
    }

    /**
     * {@link #assignPhase(int, String)} at phase 1, then the program's start (and phase) moved {@code daysAgo} days
     * back by SQL, as if it had been assigned then (negative: in the future).
     */
    public static Assigned programStarted(EntityManager em, int daysAgo, String physio) {
        Assigned a = assignPhase(1, physio);
        LocalDate start = LocalDate.now().minusDays(daysAgo);
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("update program set started_on = ?1, phase_since = ?1 where id = ?2")
                        .setParameter(1, start)
                        .setParameter(2, a.programId())
                        .executeUpdate());
        return a;
    }

    /** Logs a session of today for the assigned patient, as the patient; expects 201. */
    public static void logSession(Assigned a, int before, int after, List<Map<String, Object>> exercises) {
        given().auth()
                .oauth2(a.patientToken())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "date", LocalDate.now().toString(),
                        "painBefore", before,
                        "painAfter", after,
                        "exercises", exercises))
                .post("/api/programs/{id}/sessions", a.programId())
                .then()
                .statusCode(201);
    }

    public record Assigned(long patientId, long programId, String account) {
        public String patientToken() {
            return TOKENS.patient(account);
        }
    }
}
