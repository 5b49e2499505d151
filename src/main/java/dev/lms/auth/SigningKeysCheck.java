package dev.lms.auth;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * Refuses to start without the keys tokens need, naming the variables to set, instead of starting and answering
 * every request 401, or with a signing key whose id the verification keys do not list. Dev mode and tests never trip it: smallrye-jwt generates a key pair for them when none is set.
 */
@Singleton
public class SigningKeysCheck {

    static final String MESSAGE = "No JWT keys are configured. Set MP_JWT_VERIFY_PUBLICKEY_LOCATION (a PEM public key "
            + "or a JWKS URL, e.g. your identity provider's) and MP_JWT_VERIFY_ISSUER, and, for POST /api/v1/auth/token, "
            + "SMALLRYE_JWT_SIGN_KEY_LOCATION (the PEM private key). See README, Authentication and authorization.";

    static final List<String> VERIFY_KEYS =
            List.of("mp.jwt.verify.publickey", "mp.jwt.verify.publickey.location", "smallrye.jwt.verify.key.location");
    static final List<String> SIGN_KEYS = List.of("smallrye.jwt.sign.key", "smallrye.jwt.sign.key.location");

    void check(@Observes StartupEvent start, Config config, SigningKeys keys) {
        if (!anyPresent(config, VERIFY_KEYS) || !anyPresent(config, SIGN_KEYS)) {
            throw new IllegalStateException(MESSAGE);
        }
        keys.mismatch().ifPresent(mismatch -> {
            throw new IllegalStateException(mismatch);
        });
    }

    private static boolean anyPresent(Config config, List<String> names) {
        return names.stream()
                .anyMatch(name -> config.getOptionalValue(name, String.class)
                        .filter(v -> !v.isBlank())
                        .isPresent());
    }
}
