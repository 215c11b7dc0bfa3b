package clinic.system;

import static io.restassured.RestAssured.given;

/** Access tokens from the real Keycloak through the demo realm's public {@code clinic-cli} client. */
final class Tokens {

    private Tokens() {}

    static String of(String username, String password) {
        return given().formParam("grant_type", "password")
                .formParam("client_id", "clinic-cli")
                .formParam("username", username)
                .formParam("password", password)
                .when()
                .post(SystemStack.get().keycloakRealm() + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    /** Demo accounts' password is their user name. */
    static String demo(String username) {
        return of(username, username);
    }
}
