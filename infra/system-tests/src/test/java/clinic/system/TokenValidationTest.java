package clinic.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tokens issued by the real Keycloak are accepted where the role allows, and forged ones never are. */
class TokenValidationTest {

    static SystemStack stack;

    @BeforeAll
    static void start() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        stack = SystemStack.get();
    }

    @Test
    void everyDemoAccountCanObtainAToken() {
        for (String user : new String[] {"physio", "physio2", "patient", "patient2", "patient3", "admin"}) {
            String token = Tokens.demo(user);
            given().auth()
                    .oauth2(token)
                    .when()
                    .get(stack.programService() + "/api/exercises")
                    .then()
                    .statusCode(200);
        }
    }

    @Test
    void wrongPasswordGetsNoToken() {
        given().formParam("grant_type", "password")
                .formParam("client_id", "clinic-cli")
                .formParam("username", "physio")
                .formParam("password", "not-the-password")
                .when()
                .post(stack.keycloakRealm() + "/protocol/openid-connect/token")
                .then()
                .statusCode(400)
                .body("error", equalTo("invalid_grant"))
                .body("access_token", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void patientReadsOwnRecordWithRealToken() {
        given().auth()
                .oauth2(Tokens.demo("patient"))
                .when()
                .get(stack.patientService() + "/api/patients/me")
                .then()
                .statusCode(200)
                .body("givenName", equalTo("Sam"))
                .body("familyName", equalTo("Rivera"));
    }

    @Test
    void physioMayNotUseThePatientsOwnEndpoint() {
        given().auth()
                .oauth2(Tokens.demo("physio"))
                .when()
                .get(stack.patientService() + "/api/patients/me")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void requestsWithoutTokenAreRefused() {
        given().when().get(stack.patientService() + "/api/patients/me").then().statusCode(401);
        given().when().get(stack.programService() + "/api/exercises").then().statusCode(401);
    }

    @Test
    void tamperedTokenIsRefused() {
        String token = Tokens.demo("patient");
        String[] parts = token.split("\\.");
        // Change one character of the signature.
        char last = parts[2].charAt(parts[2].length() - 2);
        String signature = parts[2].substring(0, parts[2].length() - 2)
                + (last == 'A' ? 'B' : 'A')
                + parts[2].charAt(parts[2].length() - 1);
        String tampered = parts[0] + "." + parts[1] + "." + signature;
        given().auth()
                .oauth2(tampered)
                .when()
                .get(stack.patientService() + "/api/patients/me")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(tampered)
                .when()
                .get(stack.programService() + "/api/exercises")
                .then()
                .statusCode(401);
    }
}
