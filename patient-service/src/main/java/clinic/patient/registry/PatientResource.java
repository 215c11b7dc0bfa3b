package clinic.patient.registry;

import clinic.kit.problem.DomainException;
import clinic.kit.web.PageRequest;
import clinic.patient.access.AccessibleView;
import clinic.patient.access.CareTeamAccess;
import clinic.patient.registry.PatientRepository.PatientSearch;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/patients")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Patients", description = "The patient register")
public class PatientResource {

    /** A batch lookup is for one screen of names, not a way around paging. */
    static final int MAX_IDS = 100;

    private final PatientService patients;
    private final SecurityIdentity identity;
    private final CareTeamAccess access;

    public PatientResource(PatientService patients, SecurityIdentity identity, CareTeamAccess access) {
        this.patients = patients;
        this.identity = identity;
        this.access = access;
    }

    @GET
    @RolesAllowed({"physio", "admin"})
    @Operation(
            summary = "Search the register, newest first",
            description = "A physio sees the patients of their care teams and grants (scope=mine, the default), or"
                    + " searches the whole clinic with scope=all&q=, which shows only id, clinicNumber, givenName,"
                    + " familyName and carePhysio. An admin sees every patient, whole. Every patient shown is audited.")
    @APIResponse(responseCode = "200", description = "A page of patients")
    @APIResponse(responseCode = "400", description = "Bad filter or page")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not staff")
    public PatientPage list(
            @Parameter(description = "Start of a given name, family name, full name or clinic number") @QueryParam("q")
                    String q,
            @Parameter(description = "ACTIVE or DISCHARGED") @QueryParam("status") String status,
            @Parameter(description = "User name of the care physio") @QueryParam("carePhysio") String carePhysio,
            @Parameter(description = "Comma-separated ids, at most 100: a batch lookup") @QueryParam("ids") String ids,
            @Parameter(description = "Physios: mine (default) or all (needs q)") @QueryParam("scope") String scope,
            @Parameter(description = "From 0") @QueryParam("page") String page,
            @Parameter(description = "1 to 100, default 20; larger values are capped") @QueryParam("size")
                    String size) {
        List<Long> idList = parseIds(ids);
        String text = q == null || q.isBlank() ? null : q.strip();
        boolean all = parseScope(scope);
        boolean admin = identity.hasRole("admin");
        if (all && !admin && text == null) {
            throw new DomainException.Invalid("q", "is needed to search the whole clinic (scope=all)");
        }
        PatientSearch search = new PatientSearch(
                text,
                parseStatus(status),
                carePhysio == null || carePhysio.isBlank() ? null : carePhysio.strip(),
                idList,
                admin || all ? null : identity.getPrincipal().getName());
        // A batch lookup answers all its ids in one page unless the caller asks for a size.
        String pageSize = idList != null && (size == null || size.isBlank()) ? String.valueOf(idList.size()) : size;
        return patients.list(search, PageRequest.of(page, pageSize), all && !admin);
    }

    @GET
    @Path("/accessible")
    @RolesAllowed("physio")
    @Operation(
            summary = "Ids of the patients the caller may access now, by kind of access",
            description = "Care physio, care team or an unexpired break-the-glass grant (with its expiry). Used by"
                    + " program-service to filter a physio's lists and to keep a physio's access for a few seconds;"
                    + " not audited (ids only).")
    @APIResponse(
            responseCode = "200",
            description = "{\"patientIds\": [..], \"carePhysio\": [..], \"careTeam\": [..],"
                    + " \"breakGlass\": [{\"patientId\": .., \"expiresAt\": ..}]}")
    @APIResponse(responseCode = "403", description = "Not a physio")
    public AccessibleView accessible() {
        return access.accessible();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("physio")
    @Operation(
            summary = "Register a patient",
            description = "With an e-mail, the portal login is made and Keycloak e-mails the patient an invitation"
                    + " (account INVITED; PENDING while Keycloak is unavailable, retried).")
    @APIResponse(responseCode = "201", description = "Registered; Location names the record")
    @APIResponse(responseCode = "400", description = "Invalid or unknown fields")
    @APIResponse(responseCode = "403", description = "Not a physio")
    @APIResponse(responseCode = "409", description = "An ACTIVE patient has this e-mail")
    @APIResponse(responseCode = "503", description = "Keycloak unavailable to check a named physio; Retry-After set")
    public Response register(@Valid @NotNull NewPatient input, UriInfo uri) {
        PatientView view = patients.register(input, identity.getPrincipal().getName());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(String.valueOf(view.id()))
                        .build())
                .header("Cache-Control", "no-store")
                .entity(view)
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"physio", "admin"})
    @Operation(summary = "One record")
    @APIResponse(responseCode = "200", description = "The record")
    @APIResponse(responseCode = "403", description = "Not staff, or not in the patient's care team")
    @APIResponse(responseCode = "404", description = "No such patient")
    public PatientView read(@PathParam("id") long id) {
        return patients.read(id);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("physio")
    @Operation(summary = "Replace the editable fields; carries the version that was read")
    @APIResponse(responseCode = "200", description = "The updated record with its new version")
    @APIResponse(
            responseCode = "400",
            description = "Invalid or unknown fields, or a changed carePhysio/careTeam (use .../care-team)")
    @APIResponse(responseCode = "403", description = "Not a physio, or not in the patient's care team")
    @APIResponse(responseCode = "404", description = "No such patient")
    @APIResponse(responseCode = "409", description = "Stale version, or an ACTIVE patient has this e-mail")
    public PatientView update(@PathParam("id") long id, @Valid @NotNull PatientUpdate input) {
        return patients.update(id, input);
    }

    @GET
    @Path("/me")
    @RolesAllowed("patient")
    @Operation(summary = "The caller's own record (patients only)")
    @APIResponse(responseCode = "200", description = "The record")
    @APIResponse(responseCode = "403", description = "Not a patient")
    @APIResponse(responseCode = "404", description = "No record is linked to this login")
    public PatientView me() {
        return patients.own(identity.getPrincipal().getName());
    }

    private static boolean parseScope(String scope) {
        if (scope == null || scope.isBlank() || scope.strip().equals("mine")) {
            return false;
        }
        if (scope.strip().equals("all")) {
            return true;
        }
        throw new DomainException.Invalid("scope", "must be mine or all");
    }

    private static PatientStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return PatientStatus.valueOf(status.strip());
        } catch (IllegalArgumentException e) {
            throw new DomainException.Invalid("status", "must be ACTIVE or DISCHARGED");
        }
    }

    private static List<Long> parseIds(String ids) {
        if (ids == null || ids.isBlank()) {
            return null;
        }
        try {
            List<Long> parsed = Arrays.stream(ids.split(","))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .map(Long::valueOf)
                    .distinct()
                    .toList();
            if (parsed.isEmpty() || parsed.size() > MAX_IDS) {
                throw new DomainException.Invalid("ids", "must list 1 to " + MAX_IDS + " ids");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new DomainException.Invalid("ids", "must be comma-separated numbers");
        }
    }
}
