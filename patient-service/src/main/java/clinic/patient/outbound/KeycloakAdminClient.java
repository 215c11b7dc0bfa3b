package clinic.patient.outbound;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The few calls of Keycloak's admin REST API this service needs, on realm {@code clinic}. Authenticated with the
 * {@code patient-service} client's service account (client credentials, {@link OidcClientFilter}).
 */
@RegisterRestClient(configKey = "keycloak-admin")
@OidcClientFilter
@Path("/admin/realms/clinic")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface KeycloakAdminClient {

    /** Users whose e-mail is exactly this one. */
    @GET
    @Path("/users")
    List<User> findByEmail(@QueryParam("email") String email, @QueryParam("exact") boolean exact);

    /** Users whose user name is exactly this one. */
    @GET
    @Path("/users")
    List<User> findByUsername(@QueryParam("username") String username, @QueryParam("exact") boolean exact);

    /** Creates a user; Keycloak answers 201 with the new user's URL in {@code Location}. */
    @POST
    @Path("/users")
    Response create(User user);

    /**
     * Makes Keycloak e-mail the user a link that runs these required actions (set a password, verify the address);
     * the link is valid for {@code lifespan} seconds and ends on {@code redirectUri} of client {@code clientId}.
     */
    @PUT
    @Path("/users/{id}/execute-actions-email")
    void executeActionsEmail(
            @PathParam("id") String userId,
            @QueryParam("client_id") String clientId,
            @QueryParam("redirect_uri") String redirectUri,
            @QueryParam("lifespan") long lifespanSeconds,
            List<String> actions);

    /** The user's stored credentials (types only are read): whether a password has been set yet. */
    @GET
    @Path("/users/{id}/credentials")
    List<StoredCredential> credentials(@PathParam("id") String userId);

    /** Effective realm roles, to refuse linking a staff login to a patient record. */
    @GET
    @Path("/users/{id}/role-mappings/realm/composite")
    List<Role> effectiveRealmRoles(@PathParam("id") String userId);

    /** The users holding this realm role directly (the weekly summary's admins); needs {@code view-realm}. */
    @GET
    @Path("/roles/{role}/users")
    List<User> usersInRole(@PathParam("role") String role, @QueryParam("first") int first, @QueryParam("max") int max);

    @GET
    @Path("/groups")
    List<Group> findGroups(@QueryParam("search") String search, @QueryParam("exact") boolean exact);

    @PUT
    @Path("/users/{id}/groups/{groupId}")
    void joinGroup(@PathParam("id") String userId, @PathParam("groupId") String groupId);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record User(
            String id,
            String username,
            String firstName,
            String lastName,
            String email,
            Boolean emailVerified,
            Boolean enabled,
            List<String> groups,
            List<String> requiredActions) {}

    /** A credential as Keycloak lists it; its secret is never sent to this service. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record StoredCredential(String type) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Role(String name) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Group(String id, String name, String path) {}
}
