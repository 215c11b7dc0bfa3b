package clinic.program.illustration;

import static clinic.program.testing.Fixtures.TOKENS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Every built-in exercise the library lists has a drawing a browser can show safely: well-formed SVG with a title
 * naming the exercise, a start and an end panel, no script and no link to anything outside it; served to any
 * signed-in user with a long cache and an ETag.
 */
@QuarkusTest
class IllustrationResourceTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void everyBuiltInExerciseHasASafeTwoPanelDrawingNamedAfterIt() throws Exception {
        List<Map<String, Object>> exercises = given().auth()
                .oauth2(TOKENS.patient("patient"))
                .get("/api/exercises")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        List<Map<String, Object>> builtIn = exercises.stream()
                .filter(e -> Boolean.TRUE.equals(e.get("builtIn")))
                .toList();
        assertThat(builtIn).hasSize(29);
        List<String> keys = new ArrayList<>();
        for (Map<String, Object> exercise : builtIn) {
            String key = (String) exercise.get("illustration");
            assertThat(key).as("illustration of %s", exercise.get("slug")).isNotBlank();
            keys.add(key);
            Response answer = given().auth()
                    .oauth2(TOKENS.patient("patient"))
                    .get("/api/illustrations/{key}.svg", key)
                    .then()
                    .statusCode(200)
                    .contentType(startsWith("image/svg+xml"))
                    .header("X-Content-Type-Options", "nosniff")
                    .extract()
                    .response();
            Document svg = parse(answer.asByteArray());
            Element root = svg.getDocumentElement();
            assertThat(root.getTagName()).isEqualTo("svg");
            assertThat(root.getAttribute("viewBox")).isNotBlank();
            assertThat(text(svg, "title")).containsExactly((String) exercise.get("name"));
            assertThat(text(svg, "desc").get(0)).contains("start and end position");
            assertThat(text(svg, "text")).containsExactly("Start", "End");
            assertThat(svg.getElementsByTagName("script").getLength()).isZero();
            assertThat(svg.getElementsByTagName("foreignObject").getLength()).isZero();
            assertNoReferenceOutside(root);
        }
        assertThat(keys).doesNotHaveDuplicates();
    }

    @Test
    void staffSeeTheDrawingsToo() {
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/illustrations/glute-bridge.svg")
                .then()
                .statusCode(200);
    }

    @Test
    void anUnknownKeyIsAProblem404() {
        given().auth()
                .oauth2(TOKENS.patient("patient"))
                .get("/api/illustrations/no-such-exercise.svg")
                .then()
                .statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("detail", equalTo("No illustration 'no-such-exercise'."));
    }

    @Test
    void anonymousCallerIsRefused() {
        given().get("/api/illustrations/glute-bridge.svg").then().statusCode(401);
    }

    @Test
    void aCurrentCopyIsNotSentAgain() {
        Response first = given().auth()
                .oauth2(TOKENS.patient("patient"))
                .get("/api/illustrations/bird-dog-from-knees.svg")
                .then()
                .statusCode(200)
                .header("Cache-Control", "private, max-age=604800, immutable")
                .extract()
                .response();
        String etag = first.header("ETag");
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        given().auth()
                .oauth2(TOKENS.patient("patient"))
                .header("If-None-Match", etag)
                .get("/api/illustrations/bird-dog-from-knees.svg")
                .then()
                .statusCode(304)
                .header("ETag", etag)
                .header("Cache-Control", "private, max-age=604800, immutable");
        // Another drawing's tag does not match.
        given().auth()
                .oauth2(TOKENS.patient("patient"))
                .header("If-None-Match", etag)
                .get("/api/illustrations/glute-bridge.svg")
                .then()
                .statusCode(200);
    }

    @Test
    void otherAnswersStayUncached() {
        given().auth()
                .oauth2(TOKENS.patient("patient"))
                .get("/api/illustrations/no-such-exercise.svg")
                .then()
                .statusCode(404)
                .header("Cache-Control", "no-store");
        given().auth()
                .oauth2(TOKENS.patient("patient"))
                .get("/api/exercises")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store");
    }

    private static Document parse(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setNamespaceAware(true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        return builder.parse(new ByteArrayInputStream(bytes));
    }

    private static List<String> text(Document doc, String tag) {
        NodeList nodes = doc.getElementsByTagName(tag);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    /** No href (SVG 2 or xlink), no url(...) reference, no style sheet: the drawing loads nothing else. */
    private static void assertNoReferenceOutside(Node node) {
        if (node instanceof Element element) {
            assertThat(element.getTagName()).isNotIn("style", "image", "use", "a", "iframe");
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Node attribute = attributes.item(i);
                assertThat(attribute.getLocalName() == null ? attribute.getNodeName() : attribute.getLocalName())
                        .isNotEqualTo("href")
                        .doesNotStartWith("on");
                assertThat(attribute.getNodeValue()).doesNotContain("url(").doesNotContain("javascript:");
            }
        }
        NodeList children = node.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            assertNoReferenceOutside(children.item(i));
        }
    }
}
