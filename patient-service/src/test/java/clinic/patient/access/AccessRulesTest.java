package clinic.patient.access;

import static clinic.patient.testing.Fixtures.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint against every kind of caller. "Allowed" means the request passed security: whatever it then answers
 * (200, 400 for an empty body, 404 for an unknown id) is neither 401 nor 403.
 */
@QuarkusTest
class AccessRulesTest {

    /** An id no test creates: allowed callers get 404, refused ones must still get 401/403 first. */
    private static final long ABSENT = 88_888_888L;

    record Endpoint(String method, String path, Set<String> roles) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/api/patients", Set.of("physio", "admin")),
            new Endpoint("POST", "/api/patients", Set.of("physio")),
            new Endpoint("GET", "/api/patients/" + ABSENT, Set.of("physio", "admin")),
            new Endpoint("PUT", "/api/patients/" + ABSENT, Set.of("physio")),
            new Endpoint("GET", "/api/patients/me", Set.of("patient")),
            new Endpoint("POST", "/api/patients/" + ABSENT + "/screenings", Set.of("physio")),
            new Endpoint("GET", "/api/patients/" + ABSENT + "/screenings", Set.of("physio", "admin")),
            new Endpoint("GET", "/api/patients/" + ABSENT + "/screenings/1", Set.of("physio", "admin")),
            new Endpoint("GET", "/api/patients/" + ABSENT + "/clearance", Set.of("physio", "admin")),
            new Endpoint("POST", "/api/patients/" + ABSENT + "/account", Set.of("physio")),
            new Endpoint("GET", "/api/patients/accessible", Set.of("physio")),
            new Endpoint("GET", "/api/patients/" + ABSENT + "/access", Set.of("physio", "admin")),
            new Endpoint("POST", "/api/patients/" + ABSENT + "/access", Set.of("physio")),
            new Endpoint("GET", "/api/patients/" + ABSENT + "/access-grants", Set.of("physio", "admin")),
            new Endpoint("PUT", "/api/patients/" + ABSENT + "/care-team", Set.of("physio", "admin")),
            new Endpoint("GET", "/api/access-grants", Set.of("admin")),
            new Endpoint("GET", "/api/audit", Set.of("admin")),
            new Endpoint("GET", "/api/audit/me", Set.of("patient")));

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    static Stream<Arguments> everyEndpointAndRole() {
        return ENDPOINTS.stream()
                .flatMap(e -> Stream.of("physio", "admin", "patient").map(role -> Arguments.of(e, role)));
    }

    static Stream<Endpoint> everyEndpoint() {
        return ENDPOINTS.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyEndpointAndRole")
    void eachRoleIsAllowedOrRefusedWith403AsTheRulesSay(Endpoint endpoint, String role) {
        var response = call(given().auth().oauth2(TOKENS.token(role + "-access", List.of(role))), endpoint)
                .then();
        if (endpoint.roles().contains(role)) {
            response.statusCode(not(oneOf(401, 403)));
        } else {
            response.statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEndpoint")
    void missingTokenIs401Problem(Endpoint endpoint) {
        call(given(), endpoint).then().statusCode(401).contentType("application/problem+json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEndpoint")
    void tokenForAnotherAudienceIs401(Endpoint endpoint) {
        String role = endpoint.roles().iterator().next();
        call(given().auth().oauth2(TOKENS.wrongAudience("someone", List.of(role))), endpoint)
                .then()
                .statusCode(401);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEndpoint")
    void expiredTokenIs401(Endpoint endpoint) {
        String role = endpoint.roles().iterator().next();
        call(given().auth().oauth2(TOKENS.expired("someone", List.of(role))), endpoint)
                .then()
                .statusCode(401);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEndpoint")
    void tamperedOrForeignTokenIs401(Endpoint endpoint) {
        String role = endpoint.roles().iterator().next();
        call(given().auth().oauth2(TOKENS.tampered("someone", List.of(role))), endpoint)
                .then()
                .statusCode(401);
        call(given().auth().oauth2(TOKENS.foreignSignature("someone", List.of(role))), endpoint)
                .then()
                .statusCode(401);
    }

    private static io.restassured.response.Response call(RequestSpecification spec, Endpoint endpoint) {
        if (endpoint.method().equals("GET")) {
            return spec.when().get(endpoint.path());
        }
        RequestSpecification withBody = spec.contentType(ContentType.JSON).body("{}");
        return endpoint.method().equals("POST")
                ? withBody.when().post(endpoint.path())
                : withBody.when().put(endpoint.path());
    }
}
