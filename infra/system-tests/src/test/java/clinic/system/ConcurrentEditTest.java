package clinic.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two physios of one care team change the same program from the same version at the same moment: one wins, the other
 * is told. A patient of its own, shared by {@code physio} with {@code physio2}, so the demo programs stay as they are.
 */
class ConcurrentEditTest {

    static SystemStack stack;

    @BeforeAll
    static void start() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        stack = SystemStack.get();
    }

    @Test
    void twoPhysiosMovingTheSameProgramAtOnceGiveOneSuccessAndOneConflict() throws Exception {
        String first = Tokens.demo("physio");
        String second = Tokens.demo("physio2");
        CareTeamTest.Episode shared = CareTeamTest.episode(stack, first, CareTeamTest.family("Together"));
        String record = stack.patientService() + "/api/patients/" + shared.patientId();
        long recordVersion = given().auth()
                .oauth2(first)
                .get(record)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("version");
        given().auth()
                .oauth2(first)
                .contentType("application/json")
                .body(java.util.Map.of(
                        "carePhysio", "physio", "careTeam", List.of("physio2"), "version", recordVersion))
                .put(record + "/care-team")
                .then()
                .statusCode(200);
        String program = stack.programService() + "/api/programs/" + shared.programId();
        long version = ((Number) given().auth()
                        .oauth2(first)
                        .get(program)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("version"))
                .longValue();

        CyclicBarrier together = new CyclicBarrier(2);
        CompletableFuture<Integer> a =
                CompletableFuture.supplyAsync(() -> move(first, program, 2, "A", version, together));
        CompletableFuture<Integer> b =
                CompletableFuture.supplyAsync(() -> move(second, program, 3, "B", version, together));
        List<Integer> statuses = List.of(a.get(), b.get());

        assertThat(statuses)
                .as("one change lands, the other is refused as stale")
                .containsExactlyInAnyOrder(200, 409);
        // No lost update: the program shows exactly the winner's phase, and its version moved on once.
        int winnerPhase = statuses.get(0) == 409 ? 3 : 2;
        given().auth()
                .oauth2(first)
                .get(program)
                .then()
                .statusCode(200)
                .body("phase", org.hamcrest.Matchers.equalTo(winnerPhase))
                .body("version", org.hamcrest.Matchers.greaterThan((int) version));
    }

    private static int move(String token, String program, int phase, String who, long version, CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{\"phase\":" + phase + ",\"reason\":\"Physio " + who + " reviewed the log\",\"version\":"
                        + version + "}")
                .post(program + "/phase")
                .statusCode();
    }
}
