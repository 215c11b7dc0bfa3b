package clinic.portal;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Test helpers: parse a page, read a form's CSRF token the way a browser gets it, and the portal's own origin, which a
 * browser sends as {@code Origin} with every form post (the portal refuses state-changing requests without it).
 */
public final class Pages {

    private Pages() {}

    /**
     * A form's CSRF token (the hidden field, bound to the session). {@code cookie} is what the portal set as
     * {@code csrf-token} cookie, which it no longer does (the token is derived from the session, no double-submit
     * cookie): kept empty so that tests written for the old pair still compile; the cookie is ignored.
     */
    public record Csrf(String cookie, String token) {}

    /** The portal's origin in this test run, as a browser sends it in {@code Origin}. */
    public static String origin() {
        return "http://localhost:" + RestAssured.port;
    }

    public static Document html(Response response) {
        return Jsoup.parse(response.asString());
    }

    /** Opens a page with a form and reads its CSRF cookie and hidden token. */
    public static Csrf csrf(String formPage) {
        Response page =
                given().when().get(formPage).then().statusCode(200).extract().response();
        String token = html(page).select("input[name=csrf-token]").attr("value");
        String cookie = page.getCookie("csrf-token");
        return new Csrf(cookie == null ? "" : cookie, token);
    }
}
