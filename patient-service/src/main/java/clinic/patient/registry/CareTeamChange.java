package clinic.patient.registry;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * {@code PUT /api/patients/{id}/care-team}: the whole new team. Transfer = another {@code carePhysio}; share = more
 * names in {@code careTeam}. {@code version} is the one read: a stale one is refused (409).
 */
public record CareTeamChange(
        @NotNull @Pattern(regexp = CareTeamChange.USERNAME, message = "must be a user name") String carePhysio,
        @Size(max = CareTeamChange.MAX_TEAM)
                List<@NotNull @Pattern(regexp = CareTeamChange.USERNAME, message = "must be a user name") String>
                        careTeam,
        @NotNull @PositiveOrZero Long version) {

    /** Keycloak user names as the realm issues them (lower case). */
    public static final String USERNAME = "^[a-z0-9._@-]{1,100}$";

    public static final int MAX_TEAM = 20;
}
