package clinic.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every portal page and form for every kind of visitor, from one table with real sessions (logged in once per role
 * through Keycloak's page in chromium). The table must list exactly the routes the portal publishes in its OpenAPI
 * document: a new page without a row fails.
 *
 * <p>Forms are posted with a valid CSRF token and an empty form or an absent id, so nothing is written.
 */
class PortalPagesTest {

    enum Expect {
        /** Anonymous: sent to Keycloak's login page. */
        LOGIN,
        /** The page itself (200), or for a form anything but a refusal or a server error. */
        OK,
        /** The "not allowed" page. */
        FORBIDDEN,
        /** The care-team page: 403, whom to ask and the break-the-glass form, none of the record. */
        CARE_TEAM,
        /** Nothing there, or nothing this caller may see, alike: 404. */
        NOT_FOUND,
        /** A link that is not valid (an unsubscribe link with a token that is not signed): the portal's 400 page. */
        BAD_LINK,
        /** The language switcher: 303 back to the page given, with the {@code lang} cookie, for anyone. */
        SWITCH
    }

    record Row(String method, String template, String path, Map<String, Expect> roles) {}

    static final Expect L = Expect.LOGIN;
    static final Expect O = Expect.OK;
    static final Expect F = Expect.FORBIDDEN;
    static final Expect C = Expect.CARE_TEAM;
    static final Expect N = Expect.NOT_FOUND;
    static final Expect B = Expect.BAD_LINK;
    static final Expect S = Expect.SWITCH;
    static final String NONE = AccessMatrixTest.NONE;
    static final List<Row> TABLE = new ArrayList<>();

    /** A row where {@code physio2} (outside patient 1's care team) gets what {@code physio} gets. */
    static void row(String method, String template, String path, Expect patient, Expect physio, Expect admin) {
        row(method, template, path, L, patient, physio, physio, admin);
    }

    /**
     * A row with the care-team dimension: {@code physio} is patient 1's care physio, {@code physio2} is outside that
     * care team.
     */
    static void row(
            String method, String template, String path, Expect patient, Expect physio, Expect physio2, Expect admin) {
        row(method, template, path, L, patient, physio, physio2, admin);
    }

    static void row(
            String method,
            String template,
            String path,
            Expect anonymous,
            Expect patient,
            Expect physio,
            Expect physio2,
            Expect admin) {
        TABLE.add(new Row(
                method,
                template,
                path,
                Map.of(
                        "anonymous",
                        anonymous,
                        "patient",
                        patient,
                        "physio",
                        physio,
                        "physio2",
                        physio2,
                        "admin",
                        admin)));
    }

    static {
        row("GET", "/", "/", O, O, O);
        row("GET", "/education", "/education", O, O, O);
        row("GET", "/patients", "/patients?q=Sam", F, O, O);
        row("GET", "/patients/new", "/patients/new", F, O, F);
        row("POST", "/patients", "/patients", F, O, F);
        row("GET", "/patients/{id}", "/patients/1", F, O, C, O);
        row("GET", "/patients/{id}/screening", "/patients/1/screening", F, O, C, F);
        row("POST", "/patients/{id}/screenings", "/patients/" + NONE + "/screenings", F, O, F);
        row("GET", "/patients/{id}/assign", "/patients/1/assign", F, O, C, F);
        row("POST", "/patients/{id}/assign", "/patients/" + NONE + "/assign", F, O, F);
        row("POST", "/patients/{id}/invite", "/patients/" + NONE + "/invite", F, O, F);
        row("POST", "/patients/{id}/access", "/patients/" + NONE + "/access", F, O, F);
        row("POST", "/patients/{id}/care-team", "/patients/" + NONE + "/care-team", F, O, O);
        row("GET", "/programs/{id}", "/programs/1", F, O, C, O);
        row("POST", "/programs/{id}/phase", "/programs/" + NONE + "/phase", F, O, F);
        row("POST", "/programs/{id}/resume", "/programs/" + NONE + "/resume", F, O, F);
        row(
                "POST",
                "/programs/{id}/exercises/{slug}/update-revision",
                "/programs/" + NONE + "/exercises/pelvic-tilt/update-revision",
                F,
                O,
                F);
        // The clinic's own library (slugs, codes and ids that do not exist where a form would change something).
        row("GET", "/library", "/library?q=walk", F, O, O);
        row("GET", "/library/new", "/library/new", F, O, F);
        row("POST", "/library", "/library", F, O, F);
        row("GET", "/library/{slug}", "/library/pelvic-tilt", F, O, O);
        row("GET", "/library/{slug}/edit", "/library/pelvic-tilt/edit", F, O, F);
        row("POST", "/library/{slug}/edit", "/library/no-such-exercise/edit", F, O, F);
        row("POST", "/library/{slug}/copy", "/library/no-such-exercise/copy", F, O, F);
        row("POST", "/library/{slug}/retire", "/library/no-such-exercise/retire", F, O, F);
        row("POST", "/library/{slug}/unretire", "/library/no-such-exercise/unretire", F, O, F);
        row("GET", "/library/{slug}/picture", "/library/pelvic-tilt/picture", F, O, F);
        row("POST", "/library/{slug}/picture", "/library/no-such-exercise/picture", F, O, F);
        row("POST", "/library/{slug}/picture/remove", "/library/no-such-exercise/picture/remove", F, O, F);
        row("GET", "/library/{slug}/translations/{lang}", "/library/pelvic-tilt/translations/es", F, O, O);
        row("POST", "/library/{slug}/translations/{lang}", "/library/no-such-exercise/translations/es", F, O, F);
        row("GET", "/media/{id}/{size}", "/media/" + NONE + "/full", N, N, N);
        row("GET", "/illustrations/{key}.svg", "/illustrations/pelvic-tilt.svg", O, O, O);
        row("GET", "/protocols", "/protocols", F, O, O);
        row("GET", "/protocols/new", "/protocols/new", F, O, F);
        row("POST", "/protocols/new", "/protocols/new", F, O, F);
        row("GET", "/protocols/{code}", "/protocols/sciatica-phased", F, O, O);
        row("GET", "/protocols/{code}/edit", "/protocols/sciatica-phased/edit", F, O, F);
        row("POST", "/protocols/{code}/edit", "/protocols/no-such-protocol/edit", F, O, F);
        row("POST", "/protocols/{code}/copy", "/protocols/no-such-protocol/copy", F, O, F);
        row("POST", "/protocols/{code}/retire", "/protocols/no-such-protocol/retire", F, O, F);
        row("GET", "/templates", "/templates", F, O, O);
        row("POST", "/templates/from-program/{programId}", "/templates/from-program/" + NONE, F, O, F);
        row("POST", "/templates/{id}/delete", "/templates/" + NONE + "/delete", F, O, O);
        row("GET", "/templates/{id}/start", "/templates/" + NONE + "/start", F, N, F);
        row("GET", "/alerts", "/alerts?status=ACKNOWLEDGED", F, O, F);
        row("POST", "/alerts/{id}/acknowledge", "/alerts/" + NONE + "/acknowledge", F, O, F);
        row("GET", "/me/today", "/me/today", O, F, F);
        row("GET", "/me/log", "/me/log", O, F, F);
        row("POST", "/me/sessions", "/me/sessions", O, F, F);
        row("GET", "/me/history", "/me/history", O, F, F);
        row("GET", "/me/handout", "/me/handout", O, F, F);
        row("GET", "/admin/reports", "/admin/reports", F, F, O);
        row("GET", "/admin/reports/{name}.csv", "/admin/reports/overview.csv", F, F, O);
        row("GET", "/admin/audit", "/admin/audit?patientId=1", F, F, O);
        row("GET", "/admin/audit.csv", "/admin/audit.csv?patientId=1", F, F, O);
        row("GET", "/admin/access-grants", "/admin/access-grants", F, F, O);
        row("GET", "/me/access", "/me/access", O, F, F);
        // Outcomes (issue 19): questionnaires, discharge, the letter and the FHIR download.
        row("GET", "/me/measures", "/me/measures", O, F, F);
        row("GET", "/me/measures/{instrument}", "/me/measures/psfs", O, F, F);
        row("POST", "/me/measures/{instrument}", "/me/measures/psfs", O, F, F);
        row("GET", "/me/programs/{id}/summary", "/me/programs/" + NONE + "/summary", N, F, F);
        row("GET", "/programs/{id}/measures/{instrument}", "/programs/1/measures/psfs", F, O, C, F);
        row("POST", "/programs/{id}/measures/{instrument}", "/programs/" + NONE + "/measures/psfs", F, O, F);
        row("GET", "/programs/{id}/discharge", "/programs/1/discharge", F, O, C, F);
        row("POST", "/programs/{id}/discharge", "/programs/" + NONE + "/discharge", F, O, F);
        row("GET", "/programs/{id}/letter", "/programs/1/letter", F, O, C, O);
        row("GET", "/programs/{id}/fhir", "/programs/1/fhir", F, O, C, F);
        // Sign-out: a GET only shows the button; the POST (with a session of its own, below) signs out.
        row("GET", "/logout", "/logout", O, O, O);
        row("POST", "/logout", "/logout", O, O, O);
        row("GET", "/session-expired", "/session-expired", O, O, O, O, O);
        // E-mail notifications (issue 20): the patient's reminders page, staff's e-mail settings, the admin's
        // outbox view, and the unsubscribe link from an e-mail, open to anyone (no login, no CSRF token: the signed
        // token is its protection; an unsigned one here, so nothing changes).
        row("GET", "/me/preferences", "/me/preferences", O, F, F);
        row("POST", "/me/preferences", "/me/preferences", O, F, F);
        row("GET", "/settings/notifications", "/settings/notifications", F, O, O);
        row("POST", "/settings/notifications", "/settings/notifications", F, O, O);
        row("GET", "/admin/notifications", "/admin/notifications", F, F, O);
        row("GET", "/unsubscribe", "/unsubscribe?t=not-a-signed-token", B, B, B, B, B);
        row("POST", "/unsubscribe", "/unsubscribe?t=not-a-signed-token", B, B, B, B, B);
        // Languages (issue 21): the switcher on every page, signed in or not.
        row("GET", "/language/{tag}", "/language/es?back=/education", S, S, S, S, S);
    }

    /** Every page carries the session's CSRF token in the shell's sign-out form; the start page will do. */
    static final String FORM_PAGE = "/";

    static SystemStack stack;

    @BeforeAll
    static void start() {
        stack = SystemStack.get();
    }

    @Test
    void tableListsExactlyThePortalsRoutes() {
        // The portal's OpenAPI document is behind the login like everything else there.
        HttpResponse<String> document = PortalSession.of("physio").get("/q/openapi?format=json");
        assertThat(document.statusCode()).isEqualTo(200);
        Map<String, Map<String, Object>> paths =
                io.restassured.path.json.JsonPath.from(document.body()).getMap("paths");
        TreeSet<String> published = new TreeSet<>();
        paths.forEach((path, operations) -> {
            String template = path.replaceAll("\\{(\\w+)[^}]*}", "{$1}");
            for (String method : operations.keySet()) {
                if (List.of("get", "post", "put", "delete", "patch").contains(method)) {
                    published.add(method.toUpperCase() + " " + template);
                }
            }
        });
        TreeSet<String> listed = new TreeSet<>();
        TABLE.forEach(r -> listed.add(r.method() + " " + r.template()));
        assertThat(listed)
                .as("every route in the portal's OpenAPI document has a row, and no row is stale")
                .isEqualTo(published);
    }

    @TestFactory
    Stream<DynamicTest> everyPageAnswersEveryRoleAsThePortalsRulesSay() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String role : List.of("anonymous", "patient", "physio", "physio2", "admin")) {
            for (Row row : TABLE) {
                Expect expect = row.roles().get(role);
                tests.add(DynamicTest.dynamicTest(
                        row.method() + " " + row.path() + " as " + role + " → " + expect,
                        () -> check(row, role, expect)));
            }
        }
        return tests.stream();
    }

    private static void check(Row row, String role, Expect expect) {
        boolean signOut = row.method().equals("POST") && row.path().equals("/logout");
        PortalSession session = role.equals("anonymous")
                ? PortalSession.anonymous()
                // Signing out ends the session: not the shared one the other rows use.
                : signOut
                        ? PortalSession.fresh(role)
                        // The switcher sets the lang cookie: on a copy, so the shared session stays in English.
                        : expect == Expect.SWITCH ? PortalSession.of(role).copy() : PortalSession.of(role);
        HttpResponse<String> response;
        if (row.method().equals("GET")) {
            response = session.get(row.path());
        } else {
            response = session.post(
                    row.path(),
                    role.equals("anonymous") ? Map.of() : Map.of("csrf-token", session.csrfToken(FORM_PAGE)));
        }
        int status = response.statusCode();
        String what = row.method() + " " + row.path() + " as " + role + ": " + status + " "
                + FuzzTest.abbreviate(response.body());
        switch (expect) {
            case LOGIN -> {
                assertThat(status).as(what).isEqualTo(302);
                assertThat(response.headers().firstValue("location").orElse(""))
                        .as(what)
                        .startsWith(stack.keycloakRealm() + "/protocol/openid-connect/auth");
            }
            case OK -> {
                if (row.method().equals("GET")) {
                    assertThat(status).as(what).isEqualTo(200);
                } else {
                    assertThat(status).as(what).isNotIn(302, 401, 403).isLessThan(500);
                }
            }
            case FORBIDDEN -> {
                assertThat(status).as(what).isEqualTo(403);
                assertThat(response.body()).as(what).containsIgnoringCase("not allowed");
            }
            case NOT_FOUND -> assertThat(status).as(what).isEqualTo(404);
            case BAD_LINK -> {
                assertThat(status).as(what).isEqualTo(400);
                assertThat(response.headers().firstValue("content-type").orElse(""))
                        .as("a page for a person, not a login redirect or JSON: %s", what)
                        .startsWith("text/html");
            }
            case SWITCH -> {
                assertThat(status).as(what).isEqualTo(303);
                assertThat(response.headers().firstValue("location").orElse(""))
                        .as(what)
                        .endsWith("/education");
                assertThat(response.headers().allValues("set-cookie")).as(what).anyMatch(c -> c.startsWith("lang=es"));
            }
            case CARE_TEAM -> {
                assertThat(status).as(what).isEqualTo(403);
                assertThat(response.body())
                        .as(what)
                        .contains("id=\"not-in-care-team\"")
                        .contains("id=\"break-glass\"")
                        .doesNotContain("id=\"patient-name\"");
            }
        }
        assertThat(FuzzTest.LEAK.matcher(response.body()).find())
                .as("%s leaks internals", what)
                .isFalse();
    }
}
