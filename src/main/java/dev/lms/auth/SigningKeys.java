package dev.lms.auth;

import io.smallrye.jwt.util.KeyUtils;
import io.smallrye.jwt.util.ResourceUtils;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * The keys behind the tokens: which key id ({@code kid}) this service signs with, and the public keys it accepts,
 * which {@code GET /.well-known/jwks.json} publishes.
 * <p>
 * The accepted keys are what {@code mp.jwt.verify.publickey.location} (or {@code mp.jwt.verify.publickey}) holds,
 * as smallrye-jwt reads it: a JWKS with the current and the previous keys during a rotation, or one PEM key. A PEM key
 * has no id of its own; it gets its RFC 7638 thumbprint. The signing key is the PEM private key of
 * {@code smallrye.jwt.sign.key.location}; its id is {@code smallrye.jwt.sign.key.id}, by default the thumbprint of its
 * public half, which is what the same key gets as a PEM verification key.
 * <p>
 * A JWKS behind an {@code http(s)} URL belongs to an external identity provider: it is not republished here.
 */
@Singleton
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);

    private final Optional<String> signingKeyId;
    private final List<PublicJsonWebKey> verificationKeys;
    private final boolean external;

    SigningKeys(Config config) {
        Optional<PublicKey> signingPublicKey = signingPublicKey(config);
        this.signingKeyId = config.getOptionalValue("smallrye.jwt.sign.key.id", String.class)
                .or(() -> signingPublicKey.map(SigningKeys::thumbprint));
        Optional<String> location = config.getOptionalValue("mp.jwt.verify.publickey.location", String.class);
        this.external = location.filter(l -> l.startsWith("http:") || l.startsWith("https:"))
                .isPresent();
        this.verificationKeys = external ? List.of() : verificationKeys(config, location);
    }

    /** The {@code kid} of the tokens this service signs; empty only when smallrye-jwt generated the keys (dev mode). */
    public Optional<String> signingKeyId() {
        return signingKeyId;
    }

    /** The accepted public keys as a JWKS document: public members only, whatever the configured file holds. */
    public Map<String, Object> jwks() {
        return Map.of(
                "keys",
                verificationKeys.stream()
                        .map(key -> key.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY))
                        .toList());
    }

    /** Whether the keys are an external identity provider's ({@code mp.jwt.verify.publickey.location} is a URL). */
    public boolean external() {
        return external;
    }

    /**
     * Why tokens signed now would be refused, if they would: the signing key id is missing from a local key set. A
     * rotation that switched the signing key before publishing it would log everyone out on the next request.
     */
    Optional<String> mismatch() {
        if (external || verificationKeys.isEmpty() || signingKeyId.isEmpty()) {
            return Optional.empty();
        }
        boolean known =
                verificationKeys.stream().anyMatch(key -> signingKeyId.get().equals(key.getKeyId()));
        return known
                ? Optional.empty()
                : Optional.of("The signing key id '" + signingKeyId.get() + "' is not among the verification keys "
                        + verificationKeys.stream().map(JsonWebKey::getKeyId).toList()
                        + ": tokens this service signs would be refused. Add its public key to the JWKS of "
                        + "MP_JWT_VERIFY_PUBLICKEY_LOCATION first (see README, Sessions and key rotation).");
    }

    private static Optional<PublicKey> signingPublicKey(Config config) {
        try {
            Optional<String> location = config.getOptionalValue("smallrye.jwt.sign.key.location", String.class);
            Optional<String> inline = config.getOptionalValue("smallrye.jwt.sign.key", String.class);
            if (location.isEmpty() && inline.isEmpty()) {
                return Optional.empty();
            }
            PrivateKey key = KeyUtils.decodePrivateKey(
                    location.isPresent() ? ResourceUtils.readResource(location.get()) : inline.get());
            if (!(key instanceof RSAPrivateCrtKey rsa)) {
                return Optional.empty();
            }
            return Optional.of(KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent())));
        } catch (IOException | GeneralSecurityException | RuntimeException unreadable) {
            // smallrye-jwt reports an unusable signing key itself, on the first token it signs.
            LOG.debugf("Could not read the signing key to derive its id: %s", unreadable);
            return Optional.empty();
        }
    }

    private static List<PublicJsonWebKey> verificationKeys(Config config, Optional<String> location) {
        try {
            Optional<String> content = location.isPresent()
                    ? Optional.ofNullable(ResourceUtils.readResource(location.get()))
                    : config.getOptionalValue("mp.jwt.verify.publickey", String.class);
            if (content.isEmpty()) {
                return List.of();
            }
            List<JsonWebKey> set =
                    content.get().strip().startsWith("{") ? KeyUtils.loadJsonWebKeys(content.get()) : null;
            if (set == null) {
                PublicJsonWebKey key = PublicJsonWebKey.Factory.newPublicJwk(KeyUtils.decodePublicKey(content.get()));
                key.setKeyId(thumbprint(key.getPublicKey()));
                return List.of(key);
            }
            List<PublicJsonWebKey> keys = new ArrayList<>();
            for (JsonWebKey key : set) {
                if (key instanceof PublicJsonWebKey publicKey) {
                    keys.add(publicKey);
                }
            }
            return List.copyOf(keys);
        } catch (IOException | GeneralSecurityException | JoseException | RuntimeException unreadable) {
            // smallrye-jwt refuses every token with an unreadable key and logs why; the JWKS is then empty.
            LOG.warnf("Could not read the verification keys to publish them: %s", unreadable);
            return List.of();
        }
    }

    static String thumbprint(PublicKey key) {
        try {
            return PublicJsonWebKey.Factory.newPublicJwk(key).calculateBase64urlEncodedThumbprint("SHA-256");
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot compute the key id of an RSA key", e);
        }
    }
}
