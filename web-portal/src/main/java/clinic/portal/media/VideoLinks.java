package clinic.portal.media;

import clinic.portal.outbound.ProgramApi;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * An exercise's video is a plain link that opens the video site in a new tab; the portal never embeds a third-party
 * player (which would let that site see and track the patient). Only an absolute {@code https} address with a host is
 * shown, so a stored {@code javascript:} or {@code http:} value never becomes a link. {@code clinic.media.embed-video}
 * is the clinic's switch for embedding (only youtube-nocookie.com and player.vimeo.com would be allowed); embedding is
 * not built, so the link is shown either way and a warning says so at start.
 */
@ApplicationScoped
public class VideoLinks {

    private static final Logger LOG = Logger.getLogger(VideoLinks.class);

    void atStart(
            @Observes StartupEvent start,
            @ConfigProperty(name = "clinic.media.embed-video", defaultValue = "false") boolean embed) {
        if (embed) {
            LOG.warn("clinic.media.embed-video=true: embedding videos is not built in this version; exercise videos"
                    + " are shown as links");
        }
    }

    /** The prescription's video address when it is a safe https link, else null (no link is shown). */
    @TemplateExtension
    static String videoLink(ProgramApi.Prescription p) {
        return safe(p.videoUrl());
    }

    /** The address when it is an absolute https URL with a host, else null. */
    public static String safe(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(url.trim());
            if (uri.getScheme() == null
                    || !"https".equals(uri.getScheme().toLowerCase(Locale.ROOT))
                    || uri.getHost() == null) {
                return null;
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
