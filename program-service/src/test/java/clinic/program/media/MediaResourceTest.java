package clinic.program.media;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import clinic.program.testing.FakePatientService;
import clinic.program.testing.Fixtures;
import clinic.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Uploading, removing and serving exercise pictures, with the refusals and the access rule. */
@QuarkusTest
class MediaResourceTest {

    static final TestTokens TOKENS = Fixtures.TOKENS;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** A new clinic exercise of phases 1-3, as physio; returns its slug. */
    static String newExercise() {
        String slug = "media-test-" + System.nanoTime();
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "slug",
                        slug,
                        "name",
                        "Wall sit " + slug,
                        "category",
                        "strength",
                        "phases",
                        List.of(1, 2, 3),
                        "instructions",
                        "Slide down the wall until your knees are bent a little, hold, come up."))
                .post("/api/exercises")
                .then()
                .statusCode(201);
        return slug;
    }

    static Response upload(String slug, String fileName, byte[] bytes, String declaredType) {
        return given().auth()
                .oauth2(TOKENS.physio("physio"))
                .multiPart("file", fileName, bytes, declaredType)
                .post("/api/exercises/{slug}/image", slug);
    }

    static long uploaded(String slug, byte[] bytes, String fileName, String declaredType) {
        return upload(slug, fileName, bytes, declaredType)
                .then()
                .statusCode(200)
                .body("imageId", notNullValue())
                .extract()
                .jsonPath()
                .getLong("imageId");
    }

    static byte[] fetch(long id, String size, String token) {
        return given().auth()
                .oauth2(token)
                .queryParam("size", size)
                .get("/api/media/{id}", id)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
    }

    @Test
    void pngJpegAndWebpAreAcceptedAsNewRevisions() {
        String slug = newExercise();
        long png = uploaded(slug, TestImages.png(640, 480, true), "drawing.png", "image/png");
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/exercises/{slug}", slug)
                .then()
                .statusCode(200)
                .body("revision", equalTo(2))
                .body("imageId", equalTo((int) png));
        long jpeg = uploaded(slug, TestImages.jpeg(800, 600), "photo.jpg", "image/jpeg");
        // The declared type does not matter: the content does.
        long webp = uploaded(
                slug, TestImages.resource("opaque-400x300.webp"), "phone-picture.bin", "application/octet-stream");
        assertThat(List.of(png, jpeg, webp)).doesNotHaveDuplicates();
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/exercises/{slug}", slug)
                .then()
                .body("revision", equalTo(4))
                .body("imageId", equalTo((int) webp));

        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/media/{id}", png)
                .then()
                .statusCode(200)
                .contentType("image/png");
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/media/{id}", webp)
                .then()
                .statusCode(200)
                .contentType("image/jpeg");
    }

    @Test
    void theStoredPictureHasNoExifAndIsResized() {
        String slug = newExercise();
        byte[] withGps = TestImages.jpegWithExifGps(3000, 2000, 1);
        assertThat(TestImages.contains(withGps, "Exif")).isTrue();
        long id = uploaded(slug, withGps, "IMG_0001.JPG", "image/jpeg");

        byte[] full = fetch(id, "full", TOKENS.physio("physio"));
        assertThat(TestImages.contains(full, "Exif")).isFalse();
        assertThat(TestImages.read(full).getWidth()).isEqualTo(1600);
        assertThat(TestImages.read(full).getHeight()).isLessThanOrEqualTo(1600);

        byte[] thumb = fetch(id, "thumb", TOKENS.admin("admin"));
        assertThat(TestImages.contains(thumb, "Exif")).isFalse();
        assertThat(TestImages.read(thumb).getWidth()).isEqualTo(320);
    }

    @Test
    void aTextFileNamedPngIsRefused415() {
        String slug = newExercise();
        upload(slug, "exercise.png", "Do ten squats.\n".getBytes(StandardCharsets.UTF_8), "image/png")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("detectedType", equalTo("a text file"))
                .body("detail", containsString("not a picture the library accepts"));
        assertUnchanged(slug);
    }

    @Test
    void aSixMegabyteFileIsRefused413BeforeItIsRead() {
        String slug = newExercise();
        byte[] big = new byte[6 * 1024 * 1024];
        new Random(1).nextBytes(big);
        System.arraycopy(TestImages.png(4, 4, false), 0, big, 0, 8);
        // As a browser sends it: one body with its Content-Length, refused on that length.
        String boundary = "----picture" + System.nanoTime();
        java.io.ByteArrayOutputStream form = new java.io.ByteArrayOutputStream();
        form.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.png\"\r\n"
                        + "Content-Type: image/png\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        form.writeBytes(big);
        form.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType("multipart/form-data; boundary=" + boundary)
                .body(form.toByteArray())
                .post("/api/exercises/{slug}/image", slug)
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("detail", containsString("larger than 5 MB"));
        // Sent in chunks without a length, Quarkus's own limit cuts it off (a bare 413).
        upload(slug, "big.png", big, "image/png").then().statusCode(413);
        assertUnchanged(slug);
    }

    @Test
    void aFileJustOverFiveMegabytesIsRefused413ByItsLength() {
        String slug = newExercise();
        byte[] over = new byte[(int) ImageCheck.MAX_BYTES + 1];
        System.arraycopy(TestImages.png(4, 4, false), 0, over, 0, 8);
        upload(slug, "over.png", over, "image/png")
                .then()
                .statusCode(413)
                .body("detail", containsString("larger than 5 MB"));
    }

    @Test
    void aHugeDeclaredPictureIsRefused422() {
        String slug = newExercise();
        upload(slug, "huge.png", TestImages.hugePng(10_000, 5_000), "image/png")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("40 megapixels"))
                .body("width", equalTo(10_000))
                .body("height", equalTo(5_000));
        assertUnchanged(slug);
    }

    @Test
    void otherRequestsKeepTheSmallBodyLimit() {
        byte[] body = new byte[70 * 1024];
        java.util.Arrays.fill(body, (byte) 'a');
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/exercises")
                .then()
                .statusCode(413)
                .body("detail", equalTo("The request body is too large."));
    }

    @Test
    void aBuiltInExerciseTakesTheClinicsPictureAsANewRevisionWithItsTextsUnchanged() {
        // pool-walking: no other test of this class depends on its current revision.
        String before = given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/exercises/pool-walking")
                .then()
                .statusCode(200)
                .extract()
                .path("instructions");
        int revision = given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/exercises/pool-walking")
                .then()
                .extract()
                .path("revision");
        upload("pool-walking", "pool.png", TestImages.png(100, 100, false), "image/png")
                .then()
                .statusCode(200)
                .body("builtIn", equalTo(true))
                .body("revision", equalTo(revision + 1))
                .body("imageId", notNullValue())
                .body("illustration", equalTo("pool-walking"))
                .body("instructions", equalTo(before));
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .delete("/api/exercises/pool-walking/image")
                .then()
                .statusCode(200)
                .body("builtIn", equalTo(true))
                .body("revision", equalTo(revision + 2))
                .body("imageId", nullValue());
        // Its texts stay read-only.
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .post("/api/exercises/pool-walking/retire")
                .then()
                .statusCode(409);
    }

    @Test
    void onlyPhysiosUpload() {
        String slug = newExercise();
        given().auth()
                .oauth2(TOKENS.patient("patient"))
                .multiPart("file", "a.png", TestImages.png(10, 10, false), "image/png")
                .post("/api/exercises/{slug}/image", slug)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TOKENS.admin("admin"))
                .multiPart("file", "a.png", TestImages.png(10, 10, false), "image/png")
                .post("/api/exercises/{slug}/image", slug)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TOKENS.patient("patient"))
                .delete("/api/exercises/{slug}/image", slug)
                .then()
                .statusCode(403);
        given().multiPart("file", "a.png", TestImages.png(10, 10, false), "image/png")
                .post("/api/exercises/{slug}/image", slug)
                .then()
                .statusCode(401);
    }

    @Test
    void removingThePictureMakesARevisionWithoutItAndTheOldPictureStays() {
        String slug = newExercise();
        long id = uploaded(slug, TestImages.jpeg(300, 200), "p.jpg", "image/jpeg");
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .delete("/api/exercises/{slug}/image", slug)
                .then()
                .statusCode(200)
                .body("revision", equalTo(3))
                .body("imageId", nullValue());
        // Programs given revision 2 still show its picture.
        fetch(id, "full", TOKENS.physio("physio"));
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .delete("/api/exercises/{slug}/image", slug)
                .then()
                .statusCode(409);
    }

    @Test
    void uploadsAndRemovalsAreAudited() {
        String slug = newExercise();
        uploaded(slug, TestImages.jpeg(300, 200), "p.jpg", "image/jpeg");
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .delete("/api/exercises/{slug}/image", slug)
                .then()
                .statusCode(200);
        for (String action : List.of("EXERCISE_IMAGE_ADDED", "EXERCISE_IMAGE_REMOVED")) {
            List<Map<String, Object>> rows = given().auth()
                    .oauth2(TOKENS.admin("admin"))
                    .queryParam("user", "physio")
                    .queryParam("action", action)
                    .queryParam("size", 500)
                    .get("/api/audit")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("items");
            assertThat(rows)
                    .filteredOn(r -> String.valueOf(r.get("reason")).contains("exercise " + slug + " "))
                    .hasSize(1)
                    .allSatisfy(r -> assertThat(r.get("outcome")).isEqualTo("ALLOWED"));
        }
    }

    @Test
    void aPatientSeesPicturesOfTheirOwnProgramOnlyAndOthersAre404() {
        String mine = newExercise();
        long myPicture = uploaded(mine, TestImages.jpeg(400, 300), "mine.jpg", "image/jpeg");
        String other = newExercise();
        long otherPicture = uploaded(other, TestImages.jpeg(400, 300), "other.jpg", "image/jpeg");

        long patientId = FakePatientService.newPatientId();
        String account = "pat-" + patientId;
        FakePatientService.cleared(patientId, account, "physio");
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "patientId",
                        patientId,
                        "protocol",
                        "sciatica-phased",
                        "phase",
                        1,
                        "exercises",
                        List.of(Map.of("exercise", mine))))
                .post("/api/programs")
                .then()
                .statusCode(201);
        String patient = TOKENS.patient(account);

        given().auth()
                .oauth2(patient)
                .get("/api/programs/me/today")
                .then()
                .statusCode(200)
                .body("exercises[0].imageId", equalTo((int) myPicture));
        fetch(myPicture, "full", patient);
        fetch(myPicture, "thumb", patient);

        String notFound = given().auth()
                .oauth2(patient)
                .get("/api/media/{id}", otherPicture)
                .then()
                .statusCode(404)
                .extract()
                .path("detail");
        String missing = given().auth()
                .oauth2(patient)
                .get("/api/media/{id}", 999_999_999L)
                .then()
                .statusCode(404)
                .extract()
                .path("detail");
        // The same answer as for an id that does not exist, apart from the id itself.
        assertThat(notFound.replace(String.valueOf(otherPicture), "N")).isEqualTo(missing.replace("999999999", "N"));
        // Another patient does not see this patient's picture either.
        given().auth()
                .oauth2(TOKENS.patient("someone-else-" + patientId))
                .get("/api/media/{id}", myPicture)
                .then()
                .statusCode(404);
    }

    @Test
    void picturesAreCachedPrivatelyAndRevalidatedByEtag() {
        String slug = newExercise();
        long id = uploaded(slug, TestImages.jpeg(500, 400), "p.jpg", "image/jpeg");
        Response first = given().auth().oauth2(TOKENS.physio("physio")).get("/api/media/{id}", id);
        first.then()
                .statusCode(200)
                .header("Cache-Control", "private, max-age=86400")
                .header("X-Content-Type-Options", "nosniff")
                .contentType("image/jpeg");
        String etag = first.header("ETag");
        assertThat(etag).matches("\"[0-9a-f]{64}\"");
        assertThat(etag).isEqualTo("\"" + ImageCheck.sha256(first.asByteArray()) + "\"");

        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .header("If-None-Match", etag)
                .get("/api/media/{id}", id)
                .then()
                .statusCode(304)
                .header("ETag", etag)
                .header("Cache-Control", "private, max-age=86400");
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .header("If-None-Match", "\"something-else\"")
                .get("/api/media/{id}", id)
                .then()
                .statusCode(200);
        // The thumbnail is another representation with its own tag.
        String thumbTag = given().auth()
                .oauth2(TOKENS.physio("physio"))
                .queryParam("size", "thumb")
                .get("/api/media/{id}", id)
                .header("ETag");
        assertThat(thumbTag).isNotEqualTo(etag);
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .queryParam("size", "huge")
                .get("/api/media/{id}", id)
                .then()
                .statusCode(400);
        // Everything else of the API is still never cached.
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/exercises/{slug}", slug)
                .then()
                .header("Cache-Control", "no-store");
    }

    private static void assertUnchanged(String slug) {
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/exercises/{slug}", slug)
                .then()
                .body("revision", equalTo(1))
                .body("imageId", nullValue());
    }
}
