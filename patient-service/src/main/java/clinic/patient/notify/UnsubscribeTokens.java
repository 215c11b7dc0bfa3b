package clinic.patient.notify;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The signed token of an e-mail's one-click unsubscribe link (RFC 8058): who it is for and which kind it stops, with
 * an HMAC-SHA256 over both under {@code clinic.notify.signing-key}. Whoever holds the link may stop that kind of
 * e-mail for that recipient, and nothing else: no login, no other data. Tokens do not expire (an old e-mail's link
 * still works); changing the key voids them all.
 *
 * <p>Form: {@code base64url(payload) "." base64url(hmac)}, payload {@code "P:<patientId>:<KIND>"} or {@code
 * "U:<username>:<KIND>"}.
 */
@ApplicationScoped
public class UnsubscribeTokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    /** Who a token is for: a patient (by id) or a staff login, and the kind it stops. */
    public record Subject(NotificationKind kind, Long patientId, String username) {

        public static Subject patient(long patientId, NotificationKind kind) {
            return new Subject(kind, patientId, null);
        }

        public static Subject staff(String username, NotificationKind kind) {
            return new Subject(kind, null, username);
        }

        String payload() {
            return patientId != null ? "P:" + patientId + ":" + kind.name() : "U:" + username + ":" + kind.name();
        }
    }

    private final byte[] key;

    public UnsubscribeTokens(@ConfigProperty(name = "clinic.notify.signing-key") String key) {
        if (key == null || key.length() < 16) {
            throw new IllegalStateException("clinic.notify.signing-key must be at least 16 characters");
        }
        this.key = key.getBytes(StandardCharsets.UTF_8);
    }

    public String sign(Subject subject) {
        byte[] payload = subject.payload().getBytes(StandardCharsets.UTF_8);
        return B64.encodeToString(payload) + "." + B64.encodeToString(mac(payload));
    }

    /** The subject of a well-formed token with a valid signature; empty for anything else. */
    public Optional<Subject> verify(String token) {
        if (token == null || token.length() > 400) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = B64D.decode(token.substring(0, dot));
            signature = B64D.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(mac(payload), signature)) {
            return Optional.empty();
        }
        String[] parts = new String(payload, StandardCharsets.UTF_8).split(":", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        NotificationKind kind;
        try {
            kind = NotificationKind.valueOf(parts[2]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (parts[0].equals("P")) {
            try {
                return Optional.of(Subject.patient(Long.parseLong(parts[1]), kind));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        if (parts[0].equals("U") && !parts[1].isEmpty()) {
            return Optional.of(Subject.staff(parts[1], kind));
        }
        return Optional.empty();
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
