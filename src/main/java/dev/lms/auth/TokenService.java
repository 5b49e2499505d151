package dev.lms.auth;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Issues tokens for standalone deployments, against the bcrypt hashes in {@code users}: a short-lived access token
 * (a JWT with {@code kid}, {@code aud} and an {@code iat} after the user's last revocation) and a refresh token
 * ({@link Sessions}). Deployments with an external identity provider need not use it: verification only needs the
 * provider's issuer, audience and keys.
 */
@ApplicationScoped
public class TokenService {

    private static final Logger LOG = Logger.getLogger(TokenService.class);

    private final LoginThrottle throttle;
    private final Sessions sessions;
    private final SigningKeys keys;
    private final Passwords passwords;
    private final AuthConfig config;
    private final String issuer;

    TokenService(
            LoginThrottle throttle,
            Sessions sessions,
            SigningKeys keys,
            Passwords passwords,
            AuthConfig config,
            @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer) {
        this.throttle = throttle;
        this.sessions = sessions;
        this.keys = keys;
        this.passwords = passwords;
        this.config = config;
        this.issuer = issuer;
    }

    /** @throws CredentialsRefused 401, the same for an unknown email, a wrong password and a locked email */
    public TokenResponse issue(TokenRequest request) {
        Optional<LoginThrottle.Account> account = throttle.attempt(request.email());
        if (!passwordMatches(account, request.password())) {
            // The log may tell what the response does not. The email is not a secret, but it is the client's input:
            // control characters are replaced so that it cannot forge log lines.
            LOG.infof(
                    "Token refused for %s: %s",
                    request.email().replaceAll("\\p{Cntrl}", "?"),
                    account.isEmpty()
                            ? "no such email, or locked after too many failures"
                            : account.get().passwordHash() == null ? "the account has no password" : "wrong password");
            throw new CredentialsRefused();
        }
        LoginThrottle.Account checked = account.get();
        String hash = checked.passwordHash();
        Optional<Sessions.Grant> grant =
                sessions.start(checked, passwords.isOutdated(hash) ? passwords.hash(request.password()) : hash);
        if (grant.isEmpty()) {
            // The hash changed since it was read. A concurrent login may have stored the same password again at the
            // configured cost: only a hash that no longer matches means the password itself changed.
            grant = sessions.currentHash(checked.id())
                    .filter(current -> passwords.matches(request.password(), current))
                    .flatMap(current ->
                            sessions.start(new LoginThrottle.Account(checked.id(), checked.role(), current), current));
        }
        return grant.map(this::sign).orElseThrow(() -> {
            LOG.infof("Token refused for user %s: the password changed during the login", checked.id());
            return new CredentialsRefused();
        });
    }

    /** @throws CredentialsRefused 401, the same for an unknown, expired or reused refresh token */
    public TokenResponse refresh(String refreshToken) {
        return sign(sessions.refresh(refreshToken));
    }

    /**
     * Whether {@code password} is this user's password, checked and throttled like a login: a failure counts against
     * the account, and a locked account is refused whatever it sends.
     */
    public boolean isCurrentPassword(UUID userId, String password) {
        Optional<LoginThrottle.Account> account = throttle.attempt(userId);
        if (!passwordMatches(account, password)) {
            LOG.infof("Current password refused for user %s", userId);
            return false;
        }
        throttle.succeeded(userId);
        return true;
    }

    private boolean passwordMatches(Optional<LoginThrottle.Account> account, String password) {
        return passwords.matches(
                password, account.map(LoginThrottle.Account::passwordHash).orElse(null));
    }

    private TokenResponse sign(Sessions.Grant grant) {
        long lifespan = config.tokenLifespan().toSeconds();
        JwtClaimsBuilder claims = Jwt.issuer(issuer)
                .audience(config.audience())
                .subject(grant.userId().toString())
                .groups(grant.role().name())
                .issuedAt(grant.issuedAt())
                .expiresAt(grant.issuedAt() + lifespan);
        String token =
                keys.signingKeyId().map(kid -> claims.jws().keyId(kid).sign()).orElseGet(claims::sign);
        long refreshExpiresIn =
                grant.refreshExpiresAt().getEpochSecond() - Instant.now().getEpochSecond();
        return new TokenResponse(token, "Bearer", lifespan, grant.refreshToken(), refreshExpiresIn);
    }
}
