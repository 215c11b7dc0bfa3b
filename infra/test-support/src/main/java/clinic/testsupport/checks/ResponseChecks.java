package clinic.testsupport.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.Response;
import java.net.URL;
import java.util.List;

/** What service-kit puts on every answer of a service, checked on answers a service's test collected. */
public final class ResponseChecks {

    private ResponseChecks() {}

    /** {@code http://host:port} of a {@code @TestHTTPResource} URL, for RestAssured's {@code baseUri}. */
    public static String baseUri(URL url) {
        return "http://" + url.getHost() + ":" + url.getPort();
    }

    /**
     * Every answer, success or error, says {@code Cache-Control: no-store} and {@code X-Content-Type-Options:
     * nosniff}, and none names the server software or the Java version (no {@code Server}, no {@code X-Powered-By},
     * no Quarkus or Vert.x in the body).
     */
    public static void assertNoCacheNoSniffNoServerBanner(List<Response> answers) {
        for (Response answer : answers) {
            assertThat(answer.header("Cache-Control"))
                    .as("status %d", answer.statusCode())
                    .isEqualTo("no-store");
            assertThat(answer.header("X-Content-Type-Options"))
                    .as("status %d", answer.statusCode())
                    .isEqualTo("nosniff");
            assertThat(answer.header("Server"))
                    .as("status %d", answer.statusCode())
                    .isNull();
            assertThat(answer.header("X-Powered-By"))
                    .as("status %d", answer.statusCode())
                    .isNull();
            assertThat(answer.body().asString())
                    .as("status %d", answer.statusCode())
                    .doesNotContainIgnoringCase("quarkus")
                    .doesNotContainIgnoringCase("vert.x")
                    .doesNotContain(System.getProperty("java.version"));
        }
    }

    /**
     * The answer of a request over a rate limit of {@code perMinute}: a 429 problem+json with a Retry-After of at
     * least a second and at most the time one token of that budget takes to come back, and the usual no-store and
     * nosniff headers.
     */
    public static void assertRateLimited(Response refused, int perMinute) {
        refused.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("status", equalTo(429))
                .body("title", equalTo("Too Many Requests"));
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        // perMinute a minute: one token every 60 / perMinute seconds (rounded up).
        assertThat(retryAfter).isBetween(1, (60 + perMinute - 1) / perMinute);
        assertThat(refused.header("Cache-Control")).isEqualTo("no-store");
        assertThat(refused.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }
}
