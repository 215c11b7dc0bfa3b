package clinic.testsupport.checks;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The benchmark's reference read (service-kit's {@code clinic.kit.bench}) as a service's tests see it. */
public final class BenchChecks {

    private BenchChecks() {}

    /** The benchmark switch on, as {@code ./clinic bench} runs a service. */
    public static class SwitchOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("clinic.bench.reference-endpoint", "true");
        }
    }

    /**
     * The OpenAPI document answers (without a token), describes the given paths of the real API and names no
     * {@code /bench/} path: the reference read stays out of it whether the switch is on or off.
     */
    public static void assertReferenceReadIsNotInTheOpenApiDocument(String... documentedPaths) {
        var document = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(not(containsString("/bench/")));
        for (String path : documentedPaths) {
            document.body(containsString(path));
        }
    }
}
