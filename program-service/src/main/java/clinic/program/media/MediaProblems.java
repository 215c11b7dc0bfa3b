package clinic.program.media;

import clinic.kit.problem.ProblemMappers;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Refused uploads as problem+json with their own status (413, 415, 422). */
public class MediaProblems {

    @ServerExceptionMapper
    public Response refused(ImageRefused e) {
        return ProblemMappers.respond(e.problem());
    }
}
