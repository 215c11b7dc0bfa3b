package clinic.portal.common;

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

    public CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean isSignedIn() {
        return !identity.isAnonymous();
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
