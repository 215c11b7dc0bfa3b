package clinic.portal.session;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What identifies one portal session. A real login's principal is its ID token, whose {@code sid} claim is Keycloak's
 * SSO session id: the same for every copy of the session cookie and every refresh, different for every login. Sign-out
 * is recorded by it ({@link SignedOutSessions}) and the CSRF token is derived from it ({@link CsrfTokens}).
 */
final class SessionKey {

    private SessionKey() {}

    /** Keycloak's session id of this identity's login, or null (anonymous, or a token without {@code sid}). */
    static String sid(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object sid = token.getClaim("sid");
            if (sid != null && !sid.toString().isBlank()) {
                return sid.toString();
            }
        }
        return null;
    }

    /**
     * The value the CSRF token is bound to: the {@code sid}; without one, the subject and the time of the login (a
     * provider without {@code sid}); for an identity that is not a token (the {@code @TestSecurity} identities of the
     * portal's tests) its user name. Null for anonymous requests, which carry no session to bind to.
     */
    static String binding(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        String sid = sid(identity);
        if (sid != null) {
            return "sid:" + sid;
        }
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            return "sub:" + token.getSubject() + "@" + token.getClaim("auth_time") + "/" + token.getIssuer();
        }
        return "user:" + identity.getPrincipal().getName();
    }
}
