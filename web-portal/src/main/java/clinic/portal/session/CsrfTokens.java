package clinic.portal.session;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * The CSRF token of the current session, for forms: {@code <input type="hidden" name="{inject:csrf.parameterName}"
 * value="{inject:csrf.token}">}. It is signed and bound to the session ({@link CsrfKey}), so it is the same on every
 * page of one session (several tabs keep working) and useless in any other session. {@link RequestChecks} verifies it
 * on every state-changing request.
 */
@RequestScoped
@Named("csrf")
public class CsrfTokens {

    /** The form field; the same name the portal's forms and tests have always used. */
    public static final String FIELD = "csrf-token";
    /** The header alternative, for a script that posts without a form. */
    public static final String HEADER = "X-CSRF-TOKEN";

    private final SecurityIdentity identity;
    private final CsrfKey key;

    public CsrfTokens(SecurityIdentity identity, CsrfKey key) {
        this.identity = identity;
        this.key = key;
    }

    /** The token, or an empty string for an anonymous request (no session to bind it to; every post is refused). */
    public String getToken() {
        String binding = SessionKey.binding(identity);
        return binding == null ? "" : key.tokenFor(binding);
    }

    public String getParameterName() {
        return FIELD;
    }

    public String getHeaderName() {
        return HEADER;
    }
}
