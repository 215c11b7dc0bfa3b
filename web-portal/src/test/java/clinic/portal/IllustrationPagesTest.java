package clinic.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import clinic.portal.outbound.ProblemBody;
import clinic.portal.outbound.ProgramApi.Prescription;
import clinic.portal.outbound.ProgramApi.Today;
import clinic.portal.outbound.ProgramServiceClient;
import clinic.portal.outbound.ServiceException;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The routine card shows an exercise's line drawing when it has one (and no uploaded picture), and the portal serves
 * the drawing same-origin from program-service: kept in memory, its ETag and caching passed on, 404 passed on.
 */
@QuarkusTest
class IllustrationPagesTest {

    static final String SVG =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 600 270\"><title>Glute bridge</title></svg>";
    static final String ETAG = "\"0123456789abcdef0123456789abcdef\"";
    static final String CACHE = "private, max-age=604800, immutable";

    @InjectMock
    @RestClient
    ProgramServiceClient programs;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static Prescription prescription(String slug, String name, String illustration) {
        return new Prescription(
                slug,
                name,
                2,
                10,
                2,
                null,
                1,
                false,
                "How to",
                "What to feel",
                "Take care",
                false,
                "Mistakes",
                false,
                null,
                1,
                null,
                null,
                illustration);
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void theRoutineShowsTheDrawingOfAnExerciseThatHasOne() {
        when(programs.today())
                .thenReturn(new Today(
                        Fixtures.nextId(),
                        "2026-12-01",
                        2,
                        "Building foundations",
                        "Strengthen",
                        List.of(
                                prescription("glute-bridge", "Glute bridge", "glute-bridge"),
                                prescription("clinic-wall-sit", "Wall sit", null)),
                        List.of()));

        for (String page : List.of("/me/today", "/me/handout")) {
            Document html = Pages.html(
                    given().get(page).then().statusCode(200).extract().response());
            List<Element> drawings = html.select("img.exercise-illustration");
            assertThat(drawings).as(page).hasSize(1);
            assertThat(drawings.get(0).attr("src")).isEqualTo("/illustrations/glute-bridge.svg");
            assertThat(drawings.get(0).attr("alt")).isEqualTo("Glute bridge: start and end position");
            // The clinic exercise without a drawing or picture shows no image at all.
            assertThat(html.select("[id$=clinic-wall-sit] img")).as(page).isEmpty();
            assertThat(html.select("[id$=glute-bridge] img.exercise-illustration"))
                    .as(page)
                    .hasSize(1);
        }
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void theDrawingIsServedOnceFetchedWithItsCacheHeaders() {
        when(programs.illustration("bird-dog-from-knees"))
                .thenReturn(Response.ok(SVG.getBytes(StandardCharsets.UTF_8), "image/svg+xml; charset=utf-8")
                        .header("ETag", ETAG)
                        .header("Cache-Control", CACHE)
                        .build());

        io.restassured.response.Response first = given().get("/illustrations/bird-dog-from-knees.svg")
                .then()
                .extract()
                .response();
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.contentType()).startsWith("image/svg+xml");
        assertThat(first.asString()).isEqualTo(SVG);
        assertThat(first.header("ETag")).isEqualTo(ETAG);
        assertThat(first.headers().getValues("Cache-Control")).containsExactly(CACHE);
        assertThat(first.header("X-Content-Type-Options")).isEqualTo("nosniff");
        // Same-origin images are allowed by the page's policy.
        assertThat(first.header("Content-Security-Policy")).contains("img-src 'self'");

        given().header("If-None-Match", ETAG)
                .get("/illustrations/bird-dog-from-knees.svg")
                .then()
                .statusCode(304)
                .header("ETag", ETAG);
        given().get("/illustrations/bird-dog-from-knees.svg").then().statusCode(200);
        // Kept in memory: the service was asked once.
        verify(programs, times(1)).illustration("bird-dog-from-knees");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void anUnknownDrawingIs404() {
        when(programs.illustration(any())).thenThrow(new ServiceException(404, (ProblemBody) null));
        given().get("/illustrations/no-such-drawing.svg").then().statusCode(404);
        // A key that is no slug never reaches the service.
        given().get("/illustrations/Not_A_Slug.svg").then().statusCode(404);
        verify(programs, times(1)).illustration(any());
    }

    @Test
    void anonymousGetsNoDrawing() {
        given().redirects()
                .follow(false)
                .get("/illustrations/glute-bridge.svg")
                .then()
                .statusCode(401);
    }
}
