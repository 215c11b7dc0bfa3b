package clinic.patient.notify;

/**
 * Whether e-mail can reach someone, as {@link Recipients} decides it when sending: {@code verified} true with no
 * status; false with the refusal code ({@code EMAIL_NOT_VERIFIED}, {@code NO_LOGIN}...); null with {@value #UNKNOWN}
 * when Keycloak did not answer.
 */
record EmailState(Boolean verified, String status) {

    static final String UNKNOWN = "UNKNOWN";

    static EmailState of(Recipients.Lookup lookup) {
        return lookup.address().isPresent() ? new EmailState(true, null) : new EmailState(false, lookup.refusal());
    }

    static EmailState unknown() {
        return new EmailState(null, UNKNOWN);
    }
}
