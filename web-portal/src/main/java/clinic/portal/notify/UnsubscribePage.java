package clinic.portal.notify;

import clinic.portal.common.Calls;
import clinic.portal.common.Outcome;
import clinic.portal.i18n.Account;
import clinic.portal.i18n.Texts;
import clinic.portal.outbound.NotificationApi.UnsubscribeLink;
import clinic.portal.outbound.NotificationApi.UnsubscribeRequest;
import clinic.portal.outbound.NotificationApi.Unsubscribed;
import clinic.portal.outbound.UnsubscribeClient;
import clinic.portal.session.RequestChecks;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The e-mails' unsubscribe link, {@code /unsubscribe?t=<signed token>}, open without login.
 *
 * <ul>
 *   <li>GET shows what the link stops and a "Stop these e-mails" button, and changes nothing (mail scanners and link
 *       previews open links; only the POST acts).
 *   <li>POST stops that kind of e-mail for the person it was sent to. It is both the button's form and the RFC 8058
 *       one-click POST that mail clients send by themselves from the {@code List-Unsubscribe} header (body {@code
 *       List-Unsubscribe=One-Click}, no cookie, no {@code Origin}); the body is not needed, the token in the address
 *       says everything, so any body is accepted and ignored.
 * </ul>
 *
 * <p>No CSRF token and no origin check ({@link RequestChecks} exempts exactly this path): there is no session to bind a
 * token to, and a forged POST needs the signed token, which only the recipient's e-mail holds; even then all it can do
 * is switch that one kind of e-mail off for that recipient, the very thing the link is for. patient-service verifies
 * the signature; the portal only refuses what cannot be a token before calling it, and never sends a login with it.
 */
@Path(RequestChecks.UNSUBSCRIBE_PATH)
@Produces(MediaType.TEXT_HTML)
@PermitAll
@Tag(name = "Pages: public")
public class UnsubscribePage {

    /** What patient-service signs: base64url payload "." base64url HMAC, at most 400 characters. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,300}\\.[A-Za-z0-9_-]{1,99}");

    /** What each kind's link stops, in words that fit "This link stops ... from the clinic". */
    static final Map<String, Function<Account, String>> WORDS = Map.of(
            "EXERCISE_REMINDER", Account::un_kind_reminder,
            "INACTIVITY_NUDGE", Account::un_kind_nudge,
            "MEASURE_DUE", Account::un_kind_measure,
            "PROGRAM_CHANGED", Account::un_kind_program,
            "PROGRAM_PAUSED", Account::un_kind_program,
            "ALERT_DIGEST", Account::un_kind_digest,
            "WEEKLY_SUMMARY", Account::un_kind_weekly);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance confirm(String token, String what, String preferences);

        static native TemplateInstance stopped(String what, String preferences);

        static native TemplateInstance invalid();

        static native TemplateInstance unavailable();
    }

    private final UnsubscribeClient links;

    public UnsubscribePage(@RestClient UnsubscribeClient links) {
        this.links = links;
    }

    @GET
    @Operation(summary = "Public: what an e-mail's unsubscribe link stops, with the button; changes nothing")
    public Response confirm(@QueryParam("t") String token) {
        if (!looksLikeToken(token)) {
            return invalidLink();
        }
        Outcome<UnsubscribeLink> link = Calls.attempt(Calls.PATIENTS, () -> links.describe(token));
        if (!link.isOk()) {
            return failed(link.notice().status());
        }
        UnsubscribeLink l = link.value();
        // The portal's own words, which fit the sentence on the page (the service's description is a sentence).
        String what = words(l == null ? null : l.kind());
        return html(200, Templates.confirm(token, what, settingsPage(l == null ? null : l.audience())));
    }

    @POST
    @Operation(
            summary = "Public: stop the e-mails of an unsubscribe link (its button, and RFC 8058 one-click POST"
                    + " List-Unsubscribe=One-Click from mail clients)")
    public Response stop(@QueryParam("t") String token) {
        if (!looksLikeToken(token)) {
            return invalidLink();
        }
        Outcome<Unsubscribed> done = Calls.attempt(Calls.PATIENTS, () -> links.stop(new UnsubscribeRequest(token)));
        if (!done.isOk()) {
            return failed(done.notice().status());
        }
        Unsubscribed u = done.value();
        return html(
                200,
                Templates.stopped(words(u == null ? null : u.kind()), settingsPage(u == null ? null : u.audience())));
    }

    /** Where the recipient changes their e-mails after signing in. */
    private static String settingsPage(String audience) {
        return "STAFF".equals(audience) ? "/settings/notifications" : "/me/preferences";
    }

    static boolean looksLikeToken(String token) {
        return token != null && token.length() <= 400 && TOKEN.matcher(token).matches();
    }

    private static String words(String kind) {
        Account words = Texts.bundle(Account.class);
        return WORDS.getOrDefault(kind == null ? "" : kind, Account::un_kind_these)
                .apply(words);
    }

    /** patient-service refused the link (400, or 404/422 from an older or stricter service): a bad link. */
    private static Response failed(int status) {
        if (status >= 400 && status < 500 && status != 429) {
            return invalidLink();
        }
        // Down, busy or rate-limited: nothing was changed; a mail client's one-click POST may try again.
        return Response.status(status == 429 ? 429 : 503)
                .header("Retry-After", "60")
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.unavailable().render())
                .build();
    }

    private static Response invalidLink() {
        return html(400, Templates.invalid());
    }

    private static Response html(int status, TemplateInstance page) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page.render())
                .build();
    }
}
