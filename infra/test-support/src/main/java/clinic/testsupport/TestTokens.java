package clinic.testsupport;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bearer tokens shaped like the clinic realm's (issuer, audience, {@code realm_access.roles},
 * {@code preferred_username}), signed by a test key that the service under test is configured to trust through
 * {@link TestOidcResource}. The real validation path runs: signature, issuer, audience and expiry are checked.
 */
public final class TestTokens {

    /** Issuer the services are told to expect in tests. */
    public static final String ISSUER = "https://keycloak.test/realms/clinic";

    private static final PrivateKey KEY = privateKey("test-signing-key.pem");
    private static final PrivateKey FOREIGN_KEY = privateKey("foreign-signing-key.pem");

    private final String audience;

    private TestTokens(String audience) {
        this.audience = audience;
    }

    /** Tokens for the service whose client id is {@code audience} (patient-service, program-service). */
    public static TestTokens forAudience(String audience) {
        return new TestTokens(audience);
    }

    public String physio(String username) {
        return token(username, List.of("physio"));
    }

    public String patient(String username) {
        return token(username, List.of("patient"));
    }

    public String admin(String username) {
        return token(username, List.of("admin"));
    }

    public String token(String username, List<String> roles) {
        return claims(username, roles, audience).sign(KEY);
    }

    /** A token for another service: must be refused with 401. */
    public String wrongAudience(String username, List<String> roles) {
        return claims(username, roles, "some-other-service").sign(KEY);
    }

    /** Expired an hour ago: must be refused with 401. */
    public String expired(String username, List<String> roles) {
        Instant issued = Instant.now().minusSeconds(7200);
        return claims(username, roles, audience)
                .issuedAt(issued)
                .expiresAt(issued.plusSeconds(300))
                .sign(KEY);
    }

    /** Signed by a key the service does not trust: must be refused with 401. */
    public String foreignSignature(String username, List<String> roles) {
        return claims(username, roles, audience).sign(FOREIGN_KEY);
    }

    /** A valid token with one character of its signature changed: must be refused with 401. */
    public String tampered(String username, List<String> roles) {
        String token = token(username, List.of("patient"));
        // Claim more roles than were signed: swap the payload, keep the signature.
        String[] parts = token.split("\\.");
        String forged = claims(username, roles, audience).sign(FOREIGN_KEY).split("\\.")[1];
        return parts[0] + "." + forged + "." + parts[2];
    }

    private JwtClaimsBuilder claims(String username, List<String> roles, String aud) {
        Instant now = Instant.now();
        return Jwt.issuer(ISSUER)
                .subject(UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8))
                        .toString())
                .audience(aud)
                .claim("azp", "clinic-cli")
                .claim("typ", "Bearer")
                .claim("preferred_username", username)
                .claim("name", username)
                .claim("realm_access", Map.of("roles", roles))
                .issuedAt(now)
                .expiresAt(now.plusSeconds(300));
    }

    /** The PEM public key the services verify with, as one base64 line. */
    public static String publicKeyBase64() {
        return pemBody("test-signing-key.pub.pem");
    }

    private static PrivateKey privateKey(String resource) {
        try {
            byte[] der = Base64.getDecoder().decode(pemBody(resource));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (Exception e) {
            throw new IllegalStateException("test key " + resource + " unreadable", e);
        }
    }

    private static String pemBody(String resource) {
        try (InputStream in = TestTokens.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test key " + resource);
            }
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
