package clinic.patient.access;

import java.time.Instant;

/** A break-the-glass grant as the API shows it; {@code active} is whether it has not expired yet. */
public record GrantView(
        Long id,
        Long patientId,
        String grantedTo,
        String reason,
        Instant grantedAt,
        Instant expiresAt,
        boolean active) {

    static GrantView of(AccessGrant g, Instant now) {
        return new GrantView(
                g.id, g.patientId, g.grantedTo, g.reason, g.grantedAt, g.expiresAt, g.expiresAt.isAfter(now));
    }
}
