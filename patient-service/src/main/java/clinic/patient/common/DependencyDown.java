package clinic.patient.common;

/** A service this one needs (Keycloak) is unavailable: answered 503 with Retry-After. */
public class DependencyDown extends RuntimeException {

    public DependencyDown(String detail, Throwable cause) {
        super(detail, cause);
    }
}
