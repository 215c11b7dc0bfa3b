package clinic.program.illustration;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The project's line drawings, rendered once when the service starts and kept in memory: they change only with a new
 * build, so each carries an ETag that is a hash of its bytes and may be cached for long.
 */
@ApplicationScoped
public class IllustrationLibrary {

    /** One rendered drawing: the SVG's bytes (UTF-8) and its strong ETag value (quoted). */
    public record Drawing(String key, byte[] svg, String etag) {}

    private final Map<String, Drawing> drawings;

    public IllustrationLibrary() {
        Map<String, Drawing> all = new LinkedHashMap<>();
        BuiltInIllustrations.all().forEach((key, illustration) -> {
            byte[] svg = SvgRenderer.render(illustration).getBytes(StandardCharsets.UTF_8);
            all.put(key, new Drawing(key, svg, "\"" + sha256(svg).substring(0, 32) + "\""));
        });
        this.drawings = Map.copyOf(all);
    }

    public Optional<Drawing> find(String key) {
        return Optional.ofNullable(drawings.get(key));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present", e);
        }
    }
}
