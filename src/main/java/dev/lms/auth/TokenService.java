package dev.lms.auth;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Issues tokens for standalone deployments, against the bcrypt hashes in {@code users}. Deployments with an external
 * identity provider need not use it: verification only needs the provider's issuer and keys.
 */
@ApplicationScoped
public class TokenService {

    private static final Logger LOG = Logger.getLogger(TokenService.class);

    /**
     * Checked when there is no password to check (unknown email, locked email, an account without a password), so
     * that every refusal costs one bcrypt and takes about as long as a wrong password. Same cost as stored hashes.
     */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("no account has this password");

    private final LoginThrottle throttle;
    private final AuthConfig config;
    private final String issuer;

    TokenService(
            LoginThrottle throttle, AuthConfig config, @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer) {
        this.throttle = throttle;
        this.config = config;
        this.issuer = issuer;
    }

    /** @throws CredentialsRefused 401, the same for an unknown email, a wrong password and a locked email */
    public TokenResponse issue(TokenRequest request) {
        Optional<LoginThrottle.Account> account = throttle.attempt(request.email());
        String hash = account.map(LoginThrottle.Account::passwordHash).orElse(null);
        boolean matches = BcryptUtil.matches(request.password(), hash != null ? hash : DUMMY_HASH) && hash != null;
        if (!matches) {
            // The log may tell what the response does not. The email is not a secret, but it is the client's input:
            // control characters are replaced so that it cannot forge log lines.
            LOG.infof(
                    "Token refused for %s: %s",
                    request.email().replaceAll("\\p{Cntrl}", "?"),
                    account.isEmpty()
                            ? "no such email, or locked after too many failures"
                            : hash == null ? "the account has no password" : "wrong password");
            throw new CredentialsRefused();
        }
        LoginThrottle.Account user = account.get();
        throttle.succeeded(user.id());
        long lifespan = config.tokenLifespan().toSeconds();
        String token = Jwt.issuer(issuer)
                .subject(user.id().toString())
                .groups(user.role().name())
                .expiresIn(lifespan)
                .sign();
        return TokenResponse.bearer(token, lifespan);
    }
}
