package clinic.portal.session;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The signed-in user as the layout shows it. The display name comes from the ID token's {@code name} claim when the
 * principal is a token (the real login), else the user name, so pages also render under {@code @TestSecurity}.
 */
@RequestScoped
@Named("currentUser")
public class CurrentUser {

    private final SecurityIdentity identity;
    private final SignedOutSessions signedOut;

    public CurrentUser(SecurityIdentity identity, SignedOutSessions signedOut) {
        this.identity = identity;
        this.signedOut = signedOut;
    }

    /** False for anonymous requests and for a session that was signed out (the layout then shows no user). */
    public boolean isSignedIn() {
        if (identity.isAnonymous()) {
            return false;
        }
        return !(identity.getPrincipal() instanceof JsonWebToken token
                && token.getClaim("sid") != null
                && signedOut.isSignedOut(token.getClaim("sid").toString()));
    }

    /** The Keycloak user name ({@code preferred_username}). */
    public String getUserName() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    public String getDisplayName() {
        if (identity.isAnonymous()) {
            return "";
        }
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object name = token.getClaim("name");
            if (name != null && !name.toString().isBlank()) {
                return name.toString();
            }
        }
        return getUserName();
    }

    public boolean isPhysio() {
        return identity.hasRole("physio");
    }

    public boolean isPatient() {
        return identity.hasRole("patient");
    }

    public boolean isAdmin() {
        return identity.hasRole("admin");
    }
}
