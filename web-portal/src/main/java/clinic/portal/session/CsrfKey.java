package clinic.portal.session;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Signs CSRF tokens: {@code token = HMAC-SHA256(key, session binding)}, so a token cannot be made up without the key
 * and belongs to one session only. The key is {@code clinic.portal.csrf-key} when set (32+ characters), else derived
 * from the session cookie's encryption secret (an HMAC of it with a fixed label, so the secret itself is never used
 * for two purposes). Either way every replica with the same configuration computes the same tokens.
 */
@ApplicationScoped
public class CsrfKey {

    private static final Logger LOG = Logger.getLogger(CsrfKey.class);
    private static final String LABEL = "clinic-portal-csrf-v1";

    private final byte[] key;

    public CsrfKey(
            @ConfigProperty(name = "clinic.portal.csrf-key") Optional<String> configured,
            @ConfigProperty(name = "quarkus.oidc.token-state-manager.encryption-secret")
                    Optional<String> sessionSecret) {
        this.key = resolve(configured, sessionSecret);
    }

    static byte[] resolve(Optional<String> configured, Optional<String> sessionSecret) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            if (configured.get().length() < 32) {
                throw new IllegalStateException("clinic.portal.csrf-key must be at least 32 characters");
            }
            return configured.get().getBytes(StandardCharsets.UTF_8);
        }
        if (sessionSecret.isPresent() && sessionSecret.get().length() >= 32) {
            return hmac(sessionSecret.get().getBytes(StandardCharsets.UTF_8), LABEL);
        }
        LOG.warn("No clinic.portal.csrf-key and no session encryption secret: CSRF tokens use a random key of this"
                + " process, so forms only work on this replica and until it restarts");
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return random;
    }

    /** The CSRF token of the session with this binding (see {@link SessionKey#binding}). */
    public String tokenFor(String binding) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key, LABEL + "\n" + binding));
    }

    /** True if {@code token} is the token of the session with this binding (compared in constant time). */
    public boolean matches(String binding, String token) {
        if (binding == null || token == null || token.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(
                tokenFor(binding).getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
