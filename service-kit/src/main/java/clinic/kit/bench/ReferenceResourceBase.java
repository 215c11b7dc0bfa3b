package clinic.kit.bench;

import jakarta.inject.Inject;
import java.sql.SQLException;

/**
 * Base of a service's benchmark reference resource: the subclass names its path and its one statement; the
 * {@link ReferenceEndpoint} (switch, connection, JSON) is set here, so a subclass needs no constructor. Subclasses
 * mark their method {@code @GET @PermitAll} and hide it from the OpenAPI document.
 */
public abstract class ReferenceResourceBase {

    private ReferenceEndpoint endpoint;

    /** Set by CDI; public so the bean's generated code in the service's package can call it. */
    @Inject
    public void use(ReferenceEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** The first row of {@code sql} for {@code parameter}, as JSON of the numeric columns named by {@code names}. */
    protected String row(String sql, Object parameter, String... names) throws SQLException {
        return endpoint.row(sql, parameter, names);
    }
}
