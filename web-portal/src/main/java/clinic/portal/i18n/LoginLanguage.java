package clinic.portal.i18n;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.OidcRedirectFilter;
import io.quarkus.oidc.Redirect;
import io.vertx.core.http.Cookie;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keycloak's login page in the portal's language: the redirect to the login carries {@code ui_locales} with the
 * language this visitor would read the portal in (their {@code lang} cookie, else their browser's). Without it
 * Keycloak follows only the browser, so someone who chose Spanish with the switcher on an English browser would sign
 * in in English. The realm lists the languages it has ({@code supportedLocales} in infra/keycloak/clinic-realm.json).
 */
@ApplicationScoped
// Nothing injects it: quarkus-oidc looks its redirect filters up at run time, and without this ArC removed the bean
// as unused, so the login redirect carried no ui_locales (seen on the demo clinic).
@Unremovable
@Redirect(Redirect.Location.OIDC_AUTHORIZATION)
public class LoginLanguage implements OidcRedirectFilter {

    @Override
    public void filter(OidcRedirectContext context) {
        Cookie chosen = context.routingContext().request().getCookie(Languages.COOKIE);
        String tag = Languages.resolve(
                chosen == null ? null : chosen.getValue(),
                context.routingContext().request().getHeader("Accept-Language"));
        context.additionalQueryParams().set("ui_locales", tag);
    }
}
