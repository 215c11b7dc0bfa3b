package clinic.portal.i18n;

import io.quarkus.arc.Arc;
import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Renders every page in the request's language: each template instance gets the request's {@code locale} when it is
 * created (message bundles read it), and every HTML answer says its language in {@code Content-Language}.
 */
@Singleton
public class LanguageFilter implements TemplateInstance.Initializer {

    void register(@Observes EngineBuilder engine) {
        engine.addTemplateInstanceInitializer(this);
    }

    @Override
    public void accept(TemplateInstance instance) {
        if (Arc.container().requestContext().isActive()) {
            instance.setLocale(Arc.container().instance(Lang.class).get().getLocale());
        }
    }

    @ServerResponseFilter
    public void language(ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
            response.getHeaders()
                    .putSingle(
                            "Content-Language",
                            Arc.container().instance(Lang.class).get().getTag());
        }
    }
}
