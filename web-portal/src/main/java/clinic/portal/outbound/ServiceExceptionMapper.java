package clinic.portal.outbound;

import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Every error status of a service (400 and up) becomes a {@link ServiceException}; registered on both clients. */
public class ServiceExceptionMapper implements ResponseExceptionMapper<ServiceException> {

    @Override
    public ServiceException toThrowable(Response response) {
        return ServiceException.from(response);
    }
}
