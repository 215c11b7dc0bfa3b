package clinic.portal;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Test helpers: parse a page, and fetch the CSRF cookie and form token the way a browser gets them. */
public final class Pages {

    private Pages() {}

    /** The double-submit pair: the cookie the portal set and the hidden field value of the same form. */
    public record Csrf(String cookie, String token) {}

    public static Document html(Response response) {
        return Jsoup.parse(response.asString());
    }

    /** Opens a page with a form and reads its CSRF cookie and hidden token. */
    public static Csrf csrf(String formPage) {
        Response page =
                given().when().get(formPage).then().statusCode(200).extract().response();
        String token = html(page).select("input[name=csrf-token]").attr("value");
        return new Csrf(page.getCookie("csrf-token"), token);
    }
}
