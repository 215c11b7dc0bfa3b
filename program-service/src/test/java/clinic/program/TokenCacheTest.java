package clinic.program;

import static clinic.program.testing.Fixtures.TOKENS;
import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A bearer token is verified once and then served from the service's cache (clinic.kit.security.CachedBearerTokens)
 * until it expires: the cache must never let through what the full check refuses. Expiry and key changes are
 * asserted on the cache itself (service-kit VerifiedTokensTest).
 */
@QuarkusTest
class TokenCacheTest {

    @Test
    void aCachedTokenDoesNotVouchForAnotherSignatureOrPayload() {
        String good = TOKENS.physio("physio");
        given().auth().oauth2(good).get("/api/protocols").then().statusCode(200);

        String[] parts = good.split("\\.");
        String otherSignature =
                TOKENS.foreignSignature("physio", List.of("physio")).split("\\.")[2];
        given().auth()
                .oauth2(parts[0] + "." + parts[1] + "." + otherSignature)
                .get("/api/protocols")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(TOKENS.tampered("patient", List.of("physio")))
                .get("/api/protocols")
                .then()
                .statusCode(401);
        given().auth().oauth2(good).get("/api/protocols").then().statusCode(200);
    }

    @Test
    void theRolesComeFromTheTokenServedFromTheCache() {
        String patient = TOKENS.patient("patient");
        given().auth().oauth2(patient).get("/api/alerts").then().statusCode(403);
        given().auth().oauth2(patient).get("/api/alerts").then().statusCode(403);
    }
}
