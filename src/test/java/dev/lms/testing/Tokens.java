package dev.lms.testing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
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

    /** The {@code aud} the service expects ({@code mp.jwt.verify.audiences}, from {@code lms.auth.audience}). */
    public static String audience() {
        return ConfigProvider.getConfig().getValue("lms.auth.audience", String.class);
    }

    private static JwtClaimsBuilder claims(UUID userId, String role) {
        return Jwt.issuer(issuer())
                .audience(audience())
                .subject(userId.toString())
                .groups(role)
                .expiresIn(300);
    }

    /** A good token with this {@code iat} (epoch seconds), for the revocation cutoff's edge. */
    public static String issuedAt(UUID userId, String role, long issuedAt) {
        return claims(userId, role).issuedAt(issuedAt).expiresAt(issuedAt + 300).sign(TestKeys.privateKey());
    }

    /** A good token, but for another audience ({@code null}: none at all). */
    public static String forAudience(String audience, UUID userId, String role) {
        JwtClaimsBuilder claims =
                Jwt.issuer(issuer()).subject(userId.toString()).groups(role).expiresIn(300);
        return (audience == null ? claims : claims.audience(audience)).sign(TestKeys.privateKey());
    }

    public static String valid(UUID userId, String role) {
        return claims(userId, role).sign(TestKeys.privateKey());
    }

    /** A well-signed token with any subject and groups, for the checks that come after the signature. */
    public static String of(String subject, String... groups) {
        return Jwt.issuer(issuer())
                .audience(audience())
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
        String payload = encode("{\"iss\":\"" + issuer() + "\",\"aud\":\"" + audience() + "\",\"sub\":\"" + userId
                + "\",\"groups\":[\"" + role + "\"],\"iat\":" + now + ",\"exp\":" + (now + 300) + "}");
        return header + "." + payload + ".";
    }

    /** A token's header ({@code alg}, {@code kid}), decoded without checking anything. */
    public static Map<String, Object> header(String token) {
        return decode(token.split("\\.")[0]);
    }

    /** A token's claims, decoded without checking anything. */
    public static Map<String, Object> claims(String token) {
        return decode(token.split("\\.")[1]);
    }

    private static Map<String, Object> decode(String part) {
        try {
            return new ObjectMapper().readValue(Base64.getUrlDecoder().decode(part), new TypeReference<>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
