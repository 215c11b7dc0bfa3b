package clinic.portal.i18n;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The language switcher on every page: a plain link (it works without script, signed in or not), which keeps the
 * choice in the {@code lang} cookie for a year and returns to the page it came from. A GET that sets a cookie: the
 * only thing a forged link could do is change the language, which the visitor sees and can change back.
 */
@Path("/language")
@Tag(name = "Pages: language")
public class LanguagePages {

    static final int ONE_YEAR = 365 * 24 * 3600;

    @GET
    @Path("/{tag}")
    @PermitAll
    @Operation(summary = "Switch the portal's language and return to the page")
    public Response choose(@PathParam("tag") String tag, @QueryParam("back") String back) {
        URI target = URI.create(safeBack(back));
        if (!Languages.isSupported(tag)) {
            return Response.seeOther(target).build();
        }
        return Response.seeOther(target).cookie(cookie(tag)).build();
    }

    /** The cookie that keeps a chosen language for a year (the switcher, the preferences page, the start page). */
    public static NewCookie cookie(String tag) {
        return new NewCookie.Builder(Languages.COOKIE)
                .value(tag)
                .path("/")
                .maxAge(ONE_YEAR)
                .sameSite(NewCookie.SameSite.LAX)
                .httpOnly(true)
                .build();
    }

    /** Only a path of this portal (no scheme, no host, no protocol-relative {@code //}): never an open redirect. */
    static String safeBack(String back) {
        if (back == null
                || back.length() > 2000
                || !back.startsWith("/")
                || back.startsWith("//")
                || back.startsWith("/\\")
                || back.chars().anyMatch(c -> c < 0x20 || c == '\\')) {
            return "/";
        }
        return back;
    }
}
