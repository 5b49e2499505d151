package dev.lms.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Bearer tokens for tests, good and bad. Good ones are signed like POST /api/v1/auth/token signs them, with the
 * tests' key pair ({@link TestKeys}), so they work against the packaged service too.
 */
public final class Tokens {

    private Tokens() {}

    public static String issuer() {
        return ConfigProvider.getConfig().getValue("mp.jwt.verify.issuer", String.class);
    }

    private static JwtClaimsBuilder claims(UUID userId, String role) {
        return Jwt.issuer(issuer()).subject(userId.toString()).groups(role).expiresIn(300);
    }

    public static String valid(UUID userId, String role) {
        return claims(userId, role).sign(TestKeys.privateKey());
    }

    /** A well-signed token with any subject and groups, for the checks that come after the signature. */
    public static String of(String subject, String... groups) {
        return Jwt.issuer(issuer())
                .subject(subject)
                .groups(java.util.Set.of(groups))
                .expiresIn(300)
                .sign(TestKeys.privateKey());
    }

    public static String expired(UUID userId, String role) {
        long hourAgo = System.currentTimeMillis() / 1000 - 3600;
        return claims(userId, role).issuedAt(hourAgo - 300).expiresAt(hourAgo).sign(TestKeys.privateKey());
    }

    public static String fromIssuer(String issuer, UUID userId, String role) {
        return claims(userId, role).issuer(issuer).sign(TestKeys.privateKey());
    }

    /** Well-formed and RS256, but signed by a key this service has never seen. */
    public static String signedByAnotherKey(UUID userId, String role) {
        try {
            KeyPair stranger = KeyUtils.generateKeyPair(2048);
            return claims(userId, role).sign(stranger.getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid token whose payload was edited afterwards (here: a STUDENT promoting themselves to ADMIN). */
    public static String tampered(UUID userId) {
        String[] parts = valid(userId, "STUDENT").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"STUDENT\"", "\"ADMIN\"");
        return parts[0] + "." + encode(payload) + "." + parts[2];
    }

    /** The classic forgery: {@code "alg": "none"} and no signature at all. */
    public static String unsigned(UUID userId, String role) {
        String header = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        long now = System.currentTimeMillis() / 1000;
        String payload = encode("{\"iss\":\"" + issuer() + "\",\"sub\":\"" + userId + "\",\"groups\":[\"" + role
                + "\"],\"iat\":" + now + ",\"exp\":" + (now + 300) + "}");
        return header + "." + payload + ".";
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
