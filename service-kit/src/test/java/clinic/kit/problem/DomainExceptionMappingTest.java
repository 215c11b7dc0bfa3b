package clinic.kit.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each kind of domain failure is one status and one problem+json shape, the same in every service. */
class DomainExceptionMappingTest {

    private final ProblemMappers mappers = new ProblemMappers();
    private final ObjectMapper json = new ObjectMapper();

    private JsonNode body(Response response) {
        assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        return json.valueToTree(response.getEntity());
    }

    @Test
    void eachKindHasItsStatus() {
        assertThat(mappers.domain(new DomainException.NotFound("No such patient."))
                        .getStatus())
                .isEqualTo(404);
        assertThat(mappers.domain(new DomainException.Conflict("Stale.")).getStatus())
                .isEqualTo(409);
        assertThat(mappers.domain(new DomainException.Invalid("size", "must be 1 or more"))
                        .getStatus())
                .isEqualTo(400);
        assertThat(mappers.domain(new DomainException.Refused("Not cleared.")).getStatus())
                .isEqualTo(422);
        assertThat(mappers.domain(new DomainException.Forbidden("Only the care physio."))
                        .getStatus())
                .isEqualTo(403);
        assertThat(mappers.domain(new DomainException.NotInCareTeam(7, "physio"))
                        .getStatus())
                .isEqualTo(403);
        assertThat(mappers.domain(new DomainException.Unavailable("patient-service did not answer."))
                        .getStatus())
                .isEqualTo(503);
    }

    @Test
    void anInvalidFieldIsNamedWithItsReason() {
        JsonNode problem = body(mappers.domain(new DomainException.Invalid("after", "must be a cursor")));
        assertThat(problem.get("title").asText()).isEqualTo("Invalid request");
        assertThat(problem.get("violations").get(0).get("field").asText()).isEqualTo("after");
        assertThat(problem.get("violations").get(0).get("message").asText()).isEqualTo("must be a cursor");
    }

    @Test
    void aRefusalCarriesItsTitleAndMembersBesideTheStandardOnes() {
        JsonNode problem = body(mappers.domain(new DomainException.Refused(
                DomainException.Refused.CLINICAL_RULE,
                "Acknowledge the cautions.",
                Map.of("cautions", List.of(Map.of("exercise", "squat"))))));
        assertThat(problem.get("status").asInt()).isEqualTo(422);
        assertThat(problem.get("title").asText()).isEqualTo("Refused by a clinical rule");
        assertThat(problem.get("detail").asText()).isEqualTo("Acknowledge the cautions.");
        assertThat(problem.get("cautions").get(0).get("exercise").asText()).isEqualTo("squat");
        assertThat(problem.has("violations")).isFalse();
    }

    @Test
    void outsideTheCareTeamTheProblemSaysWhomToAskAndWhereToBreakTheGlass() {
        JsonNode problem = body(mappers.domain(new DomainException.NotInCareTeam(42, "physio2")));
        assertThat(problem.get("type").asText()).endsWith("/not-in-care-team");
        assertThat(problem.get("title").asText()).isEqualTo("Not in care team");
        assertThat(problem.get("patientId").asLong()).isEqualTo(42);
        assertThat(problem.get("carePhysio").asText()).isEqualTo("physio2");
        assertThat(problem.get("breakGlass").asText()).isEqualTo("/api/patients/42/access");
    }

    @Test
    void aConflictWithAStateKeepsItsOwnTypeAndTitle() {
        JsonNode plain = body(mappers.domain(new DomainException.Conflict("Stale.")));
        assertThat(plain.get("type").asText()).isEqualTo("about:blank");
        assertThat(plain.get("title").asText()).isEqualTo("Conflict");
        JsonNode typed = body(mappers.domain(new DomainException.Conflict(
                "https://clinic.example/problems/program-discharged", "Program discharged", "Read-only.")));
        assertThat(typed.get("status").asInt()).isEqualTo(409);
        assertThat(typed.get("type").asText()).endsWith("/program-discharged");
        assertThat(typed.get("title").asText()).isEqualTo("Program discharged");
        assertThat(typed.get("detail").asText()).isEqualTo("Read-only.");
    }

    @Test
    void aDependencyDownIsRetryableAndItsCauseIsNotSent() {
        Response response = mappers.domain(new DomainException.Unavailable(
                "Keycloak is not reachable.", new IllegalStateException("http://keycloak:8080/admin secret")));
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("30");
        assertThat(body(response).toString()).doesNotContain("secret").doesNotContain("8080");
    }

    @Test
    void unauthorizedCarriesTheBearerChallenge() {
        Response response = mappers.unauthorized(new io.quarkus.security.UnauthorizedException());
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeaderString("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void tooLargeBodiesAndAddressesSaySo() {
        JsonNode body = body(mappers.webApplication(new jakarta.ws.rs.WebApplicationException(413)));
        assertThat(body.get("detail").asText()).isEqualTo("The request body is too large.");
        JsonNode uri = body(mappers.webApplication(new jakarta.ws.rs.WebApplicationException(414)));
        assertThat(uri.get("status").asInt()).isEqualTo(414);
        assertThat(uri.get("detail").asText()).isEqualTo("The request address is too long.");
    }
}
