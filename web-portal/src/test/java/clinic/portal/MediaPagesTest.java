package clinic.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import clinic.portal.outbound.MediaClient;
import clinic.portal.outbound.ProgramApi.Exercise;
import clinic.portal.outbound.ProgramApi.Prescription;
import clinic.portal.outbound.ProgramApi.Today;
import clinic.portal.outbound.ProgramServiceClient;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import jakarta.ws.rs.core.Response;
import java.io.File;
import java.nio.file.Files;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The picture proxy, the physio's picture page (multipart upload with CSRF) and pictures on the routine card. */
@QuarkusTest
class MediaPagesTest {

    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3, 4};
    static final String ETAG = "\"" + "ab".repeat(32) + "\"";

    @InjectMock
    @RestClient
    MediaClient media;

    @InjectMock
    @RestClient
    ProgramServiceClient programs;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    static Exercise exercise(String slug, Long imageId, boolean builtIn) {
        return new Exercise(
                slug,
                "Wall sit",
                "strength",
                List.of(1, 2),
                "Slide down the wall.",
                null,
                null,
                null,
                null,
                2,
                8,
                null,
                null,
                1,
                false,
                null,
                builtIn,
                imageId == null ? 1 : 2,
                false,
                imageId,
                null,
                null);
    }

    @Test
    @TestSecurity(
            user = "pat-1",
            roles = {"patient"})
    void aPictureIsPassedOnWithItsEtagAndPrivateCaching() {
        long id = Fixtures.nextId();
        when(media.media(id, "full", null))
                .thenReturn(Response.ok(JPEG, "image/jpeg")
                        .header("ETag", ETAG)
                        .header("Cache-Control", "private, max-age=86400")
                        .build());

        io.restassured.response.Response answer = given().get("/media/" + id + "/full");
        answer.then()
                .statusCode(200)
                .contentType("image/jpeg")
                .header("ETag", ETAG)
                .header("Cache-Control", "private, max-age=86400")
                .header("X-Content-Type-Options", "nosniff");
        assertThat(answer.asByteArray()).isEqualTo(JPEG);
        assertThat(answer.headers().getValues("Cache-Control")).hasSize(1);
    }

    @Test
    @TestSecurity(
            user = "pat-1",
            roles = {"patient"})
    void aMatchingEtagIsAsked304() {
        long id = Fixtures.nextId();
        when(media.media(id, "thumb", ETAG))
                .thenReturn(Response.notModified()
                        .header("ETag", ETAG)
                        .header("Cache-Control", "private, max-age=86400")
                        .build());

        given().header("If-None-Match", ETAG)
                .get("/media/" + id + "/thumb")
                .then()
                .statusCode(304)
                .header("ETag", ETAG)
                .header("Cache-Control", "private, max-age=86400");
    }

    @Test
    @TestSecurity(
            user = "pat-1",
            roles = {"patient"})
    void aPictureTheServiceDoesNotShowIs404() {
        long id = Fixtures.nextId();
        when(media.media(eq(id), anyString(), any())).thenThrow(Fixtures.problem(404, "No picture " + id + "."));
        given().get("/media/" + id + "/full").then().statusCode(404);
        // Only the two sizes exist.
        given().get("/media/" + id + "/original").then().statusCode(404);
        verify(media, never()).media(anyLong(), eq("original"), any());
    }

    @Test
    void signedOutVisitorsGetNoPicture() {
        int status = given().redirects()
                .follow(false)
                .get("/media/1/full")
                .then()
                .extract()
                .statusCode();
        assertThat(status).isIn(302, 303, 401);
        verify(media, never()).media(anyLong(), any(), any());
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void thePicturePageShowsThePictureTheUploadFormAndTheRemoveButton() {
        String slug = "wall-sit-" + Fixtures.nextId();
        when(media.exercise(slug)).thenReturn(exercise(slug, 42L, false));

        Document page = Pages.html(given().get("/library/" + slug + "/picture")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#picture-full").attr("src")).isEqualTo("/media/42/full");
        assertThat(page.select("#picture-full").attr("alt")).isEqualTo("Wall sit");
        assertThat(page.select("#picture-upload").attr("enctype")).isEqualTo("multipart/form-data");
        assertThat(page.select("#picture-upload").attr("method")).isEqualTo("post");
        assertThat(page.select("#picture-upload input[name=csrf-token]").attr("value"))
                .isNotBlank();
        assertThat(page.select("#picture-upload input[type=file]").attr("name")).isEqualTo("file");
        assertThat(page.select("#picture-remove").attr("action")).isEqualTo("/library/" + slug + "/picture/remove");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void aBuiltInExerciseTakesTheClinicsPictureButKeepsItsTexts() {
        when(media.exercise("glute-bridge")).thenReturn(exercise("glute-bridge", null, true));
        Document page = Pages.html(given().get("/library/glute-bridge/picture")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(page.select("#picture-upload")).hasSize(1);
        assertThat(page.select("#built-in").text())
                .contains("texts cannot be changed")
                .contains("replace the project's line drawing");
    }

    @Test
    @TestSecurity(
            user = "pat-1",
            roles = {"patient"})
    void patientsHaveNoPicturePage() {
        given().get("/library/wall-sit/picture").then().statusCode(403);
        verify(media, never()).exercise(anyString());
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void anUploadWithTheCsrfTokenIsSentOnAndTheBrowserRedirected() throws Exception {
        String slug = "wall-sit-" + Fixtures.nextId();
        when(media.exercise(slug)).thenReturn(exercise(slug, null, false));
        ArgumentCaptor<File> sent = ArgumentCaptor.forClass(File.class);
        byte[][] seen = new byte[1][];
        when(media.attachImage(eq(slug), sent.capture())).thenAnswer(call -> {
            seen[0] = Files.readAllBytes(((File) call.getArgument(1)).toPath());
            return exercise(slug, 7L, false);
        });
        Pages.Csrf csrf = Pages.csrf("/library/" + slug + "/picture");

        given().redirects()
                .follow(false)
                .header("Origin", Pages.origin())
                .multiPart("csrf-token", csrf.token())
                .multiPart("file", "photo.jpg", JPEG, "image/jpeg")
                .post("/library/" + slug + "/picture")
                .then()
                .statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/library/" + slug + "/picture?done=added"));
        assertThat(seen[0]).isEqualTo(JPEG);

        Document done = Pages.html(given().get("/library/" + slug + "/picture?done=added")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(done.select("#picture-done").text()).contains("The picture is saved");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void anUploadWithoutTheCsrfTokenIsRefusedAndNothingIsSent() {
        String slug = "wall-sit-" + Fixtures.nextId();
        given().header("Origin", Pages.origin())
                .multiPart("file", "photo.jpg", JPEG, "image/jpeg")
                .post("/library/" + slug + "/picture")
                .then()
                .statusCode(403);
        given().header("Origin", Pages.origin())
                .multiPart("csrf-token", "forged")
                .multiPart("file", "photo.jpg", JPEG, "image/jpeg")
                .post("/library/" + slug + "/picture")
                .then()
                .statusCode(403);
        verify(media, never()).attachImage(anyString(), any());
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void aRefusedFileIsExplainedOnThePage() {
        String slug = "wall-sit-" + Fixtures.nextId();
        when(media.exercise(slug)).thenReturn(exercise(slug, null, false));
        String detail = "This file is a text file, not a picture the library accepts (whatever its name says)."
                + " Upload a photo or picture saved as PNG, JPEG or WebP.";
        when(media.attachImage(eq(slug), any())).thenThrow(Fixtures.problem(415, detail));
        Pages.Csrf csrf = Pages.csrf("/library/" + slug + "/picture");

        Document page = Pages.html(given().header("Origin", Pages.origin())
                .multiPart("csrf-token", csrf.token())
                .multiPart("file", "notes.png", "just text".getBytes(), "image/png")
                .post("/library/" + slug + "/picture")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(page.select("#picture-refused").text()).isEqualTo(detail);
        assertThat(page.select("#picture-upload")).hasSize(1);
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void aTooLargeFileIsRefusedByThePortalWithoutSendingIt() {
        String slug = "wall-sit-" + Fixtures.nextId();
        when(media.exercise(slug)).thenReturn(exercise(slug, null, false));
        Pages.Csrf csrf = Pages.csrf("/library/" + slug + "/picture");
        byte[] big = new byte[6 * 1024 * 1024];

        given().redirects()
                .follow(false)
                .header("Origin", Pages.origin())
                .contentType("multipart/form-data; boundary=xyz")
                .body(multipart("xyz", csrf.token(), big))
                .post("/library/" + slug + "/picture")
                .then()
                .statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/library/" + slug + "/picture?refused=too-large"));
        Document page = Pages.html(given().get("/library/" + slug + "/picture?refused=too-large")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(page.select("#picture-refused").text()).contains("larger than 5 MB");
        verify(media, never()).attachImage(anyString(), any());
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void otherFormsKeepTheSmallBodyLimit() {
        given().header("Origin", Pages.origin())
                .contentType("application/x-www-form-urlencoded")
                .body("reason=" + "x".repeat(70 * 1024))
                .post("/programs/1/phase")
                .then()
                .statusCode(413);
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void removingThePictureIsSentOnWithTheCsrfToken() {
        String slug = "wall-sit-" + Fixtures.nextId();
        when(media.exercise(slug)).thenReturn(exercise(slug, 42L, false));
        when(media.removeImage(slug)).thenReturn(exercise(slug, null, false));
        Pages.Csrf csrf = Pages.csrf("/library/" + slug + "/picture");

        given().redirects()
                .follow(false)
                .header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .post("/library/" + slug + "/picture/remove")
                .then()
                .statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("?done=removed"));
        verify(media).removeImage(slug);
    }

    @Test
    @TestSecurity(
            user = "pat-1",
            roles = {"patient"})
    void theRoutineCardShowsThePictureAndTheVideoLinkButNoUnsafeLink() {
        Prescription withPicture = new Prescription(
                "wall-sit",
                "Wall sit",
                2,
                8,
                null,
                null,
                1,
                false,
                "Slide down the wall.",
                "Thighs working",
                "Stop if the knee hurts",
                false,
                "Going too deep",
                false,
                null,
                2,
                42L,
                "https://videos.example.org/wall-sit",
                null);
        Prescription unsafeVideo = new Prescription(
                "glute-bridge",
                "Glute bridge",
                2,
                10,
                2,
                null,
                1,
                false,
                "Lift the hips.",
                "Buttocks working",
                "Small range",
                false,
                "Arching the back",
                false,
                null,
                1,
                null,
                "javascript:alert(1)",
                "glute-bridge");
        when(programs.today())
                .thenReturn(new Today(
                        Fixtures.nextId(),
                        "2026-12-01",
                        2,
                        "Strength",
                        "Build strength",
                        List.of(withPicture, unsafeVideo),
                        List.of()));

        Document page = Pages.html(
                given().get("/me/today").then().statusCode(200).extract().response());

        var picture = page.select("#exercise-wall-sit img.exercise-picture");
        assertThat(picture.attr("src")).isEqualTo("/media/42/full");
        assertThat(picture.attr("alt")).isEqualTo("Wall sit");
        var video = page.select("#exercise-wall-sit .exercise-video a");
        assertThat(video.attr("href")).isEqualTo("https://videos.example.org/wall-sit");
        assertThat(video.attr("rel")).isEqualTo("noopener noreferrer");
        assertThat(video.attr("target")).isEqualTo("_blank");
        assertThat(video.text()).isEqualTo("Watch a video of this exercise");
        assertThat(page.select("iframe")).isEmpty();

        assertThat(page.select("#exercise-glute-bridge img.exercise-picture")).isEmpty();
        assertThat(page.select("#exercise-glute-bridge img.exercise-illustration")
                        .attr("src"))
                .isEqualTo("/illustrations/glute-bridge.svg");
        assertThat(page.select("#exercise-glute-bridge .exercise-video")).isEmpty();
        assertThat(page.select("a[href^=javascript]")).isEmpty();
    }

    @Test
    @TestSecurity(
            user = "pat-1",
            roles = {"patient"})
    void theHandoutShowsThePictureToo() {
        Prescription withPicture = new Prescription(
                "wall-sit",
                "Wall sit",
                2,
                8,
                null,
                null,
                1,
                false,
                "Slide down the wall.",
                "Thighs working",
                "Stop if the knee hurts",
                false,
                "Going too deep",
                false,
                null,
                2,
                42L,
                null,
                null);
        when(programs.today())
                .thenReturn(new Today(
                        Fixtures.nextId(),
                        "2026-12-01",
                        2,
                        "Strength",
                        "Build strength",
                        List.of(withPicture),
                        List.of()));
        Document page = Pages.html(
                given().get("/me/handout").then().statusCode(200).extract().response());
        assertThat(page.select("img.exercise-picture").attr("src")).isEqualTo("/media/42/full");
        assertThat(page.select(".exercise-video")).isEmpty();
    }

    private static byte[] multipart(String boundary, String csrf, byte[] file) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf-token\"\r\n\r\n" + csrf
                        + "\r\n--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.jpg\"\r\n"
                        + "Content-Type: image/jpeg\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
