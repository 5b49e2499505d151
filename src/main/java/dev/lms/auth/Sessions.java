package dev.lms.auth;

import dev.lms.access.UserRole;
import dev.lms.user.User;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Refresh sessions (V7) and the revocation of a user's tokens.
 * <p>
 * A refresh token is 256 random bits, handed out once and stored as its SHA-256. Each use replaces it with a new one
 * of the same family; presenting a replaced token again means two parties hold the family (one of them a thief), so
 * the whole family is deleted and both must log in again. A token expires after {@code lms.auth.refresh.idle-timeout}
 * unused, and its family {@code lms.auth.refresh.max-age} after the login.
 * <p>
 * Concurrency: every change to a user's sessions first locks the user's row (the login's and a revocation's
 * {@code UPDATE users}, a refresh's {@code FOR NO KEY UPDATE}), so a refresh and a revocation of the same user are
 * serialised: the revocation either deletes the token the refresh just wrote, or the refresh finds its token gone.
 * All times are the database's, the clock {@code users.tokens_valid_after} is written with.
 */
@ApplicationScoped
public class Sessions {

    private static final Logger LOG = Logger.getLogger(Sessions.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AuthConfig config;
    private final LoginThrottle throttle;
    private final RegisteredUsers registeredUsers;

    Sessions(AuthConfig config, LoginThrottle throttle, RegisteredUsers registeredUsers) {
        this.config = config;
        this.throttle = throttle;
        this.registeredUsers = registeredUsers;
    }

    /**
     * What a login or a refresh earns: the access token's subject, role and {@code iat} (see {@link TokenCutoff}), and
     * the new refresh token.
     */
    public record Grant(UUID userId, UserRole role, long issuedAt, String refreshToken, Instant refreshExpiresAt) {

        @Override
        public String toString() {
            return "Grant[userId=" + userId + ", role=" + role + ", refreshToken=***]";
        }
    }

    /**
     * Starts a session for an account whose password was just checked, forgives its failed attempts, and stores
     * {@code storedHash}: the same password, hashed again when the configured cost has changed. Empty when the
     * password changed in the meantime (the check was made against the old hash). Rehashing is not a password change:
     * tokens and sessions stay valid.
     */
    @Transactional
    public Optional<Grant> start(LoginThrottle.Account account, String storedHash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery("""
                        UPDATE users SET failed_login_attempts = 0, locked_until = NULL, password_hash = :stored
                         WHERE id = :id AND password_hash = :hash
                        RETURNING role::text, tokens_valid_after, false, now()""")
                .setParameter("id", account.id())
                .setParameter("hash", account.passwordHash())
                .setParameter("stored", storedHash)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        UserState user = UserState.of(rows.get(0));
        deleteDeadFamilies(account.id(), user.now());
        Instant familyExpiresAt = user.now().plus(config.refresh().maxAge());
        return Optional.of(grant(account.id(), user, UUID.randomUUID(), familyExpiresAt));
    }

    /** The user's password hash as stored now; empty when the user is gone or has no password. */
    @Transactional
    public Optional<String> currentHash(UUID userId) {
        return Panache.getEntityManager()
                .createNativeQuery("SELECT password_hash FROM users WHERE id = :id", String.class)
                .setParameter("id", userId)
                .getResultList()
                .stream()
                .filter(Objects::nonNull)
                .findFirst();
    }

    /**
     * Exchanges a refresh token for a new one and an access token. Refusals commit what they found out: a reused
     * token deletes its family, and a reused or expired one counts as a failed attempt against the account, as a
     * wrong password does; a locked account is refused.
     *
     * @throws CredentialsRefused 401, the same whatever the reason
     */
    @Transactional(dontRollbackOn = CredentialsRefused.class)
    public Grant refresh(String refreshToken) {
        byte[] hash = hash(refreshToken);
        UUID userId = Panache.getEntityManager()
                .createQuery("select s.user.id from RefreshSession s where s.tokenHash = :hash", UUID.class)
                .setParameter("hash", hash)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> refused("unknown refresh token (never issued, or its session ended)", null));
        UserState user = lock(userId).orElseThrow(() -> refused("its user was deleted", userId));
        // Read after the lock: a concurrent refresh or revocation of this user has committed by now.
        RefreshSession session = RefreshSession.<RefreshSession>find("tokenHash", hash)
                .firstResultOptional()
                .orElseThrow(() -> refused("its session ended", userId));
        if (session.replacedAt != null) {
            RefreshSession.delete("familyId", session.familyId);
            throttle.chargeFailure(userId);
            throw refused("reuse of a replaced refresh token: its whole session is ended", userId);
        }
        if (!session.expiresAt.isAfter(user.now())) {
            RefreshSession.delete("familyId", session.familyId);
            throttle.chargeFailure(userId);
            throw refused("the refresh token has expired", userId);
        }
        if (user.locked()) {
            throw refused("the account is locked after too many failures", userId);
        }
        session.replacedAt = user.now();
        return grant(userId, user, session.familyId, session.familyExpiresAt);
    }

    /** Logout: ends the session the token belongs to, whichever of its tokens it is. Unknown tokens change nothing. */
    @Transactional
    public void end(String refreshToken) {
        long deleted = RefreshSession.delete(
                "familyId in (select s.familyId from RefreshSession s where s.tokenHash = ?1)", hash(refreshToken));
        LOG.debugf("Logout ended %d refresh tokens", deleted);
    }

    /**
     * Refuses every access token issued to the user until now ({@code users.tokens_valid_after}, checked on every
     * request by {@link RegisteredUserAugmentor}) and ends all their sessions. In the caller's transaction: with a
     * password change, both take effect together.
     *
     * @return whether the user exists
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean revokeAll(UUID userId) {
        int updated = Panache.getEntityManager()
                // The clock at this statement, not now() (the transaction's start): a password change spends
                // hundreds of milliseconds in bcrypt first, and a login that committed in between must be refused too.
                .createNativeQuery("UPDATE users SET tokens_valid_after = clock_timestamp() WHERE id = :id")
                .setParameter("id", userId)
                .executeUpdate();
        RefreshSession.delete("user.id", userId);
        // The user's tokens stop working with the very next request to this replica (others: README, revocation).
        registeredUsers.changed(userId);
        return updated == 1;
    }

    private Grant grant(UUID userId, UserState user, UUID familyId, Instant familyExpiresAt) {
        String token = newToken();
        RefreshSession next = new RefreshSession();
        next.familyId = familyId;
        next.user = Panache.getEntityManager().getReference(User.class, userId);
        next.tokenHash = hash(token);
        next.issuedAt = user.now();
        Instant idleExpiry = user.now().plus(config.refresh().idleTimeout());
        next.expiresAt = idleExpiry.isBefore(familyExpiresAt) ? idleExpiry : familyExpiresAt;
        next.familyExpiresAt = familyExpiresAt;
        next.persist();
        return new Grant(
                userId, user.role(), TokenCutoff.issuedAt(user.now(), user.tokensValidAfter()), token, next.expiresAt);
    }

    /** A family is dead once past its absolute expiry, or when its live token went unused past the idle timeout. */
    private void deleteDeadFamilies(UUID userId, Instant now) {
        RefreshSession.delete(
                "user.id = ?1 and (familyExpiresAt <= ?2 or familyId in (select s.familyId from RefreshSession s"
                        + " where s.user.id = ?1 and s.replacedAt is null and s.expiresAt <= ?2))",
                userId,
                now);
    }

    /** A user's row as a login or a refresh reads it, with the database's {@code now()}. */
    private record UserState(UserRole role, Instant tokensValidAfter, boolean locked, Instant now) {

        static UserState of(Object[] row) {
            return new UserState(
                    UserRole.valueOf((String) row[0]), instant(row[1]), Boolean.TRUE.equals(row[2]), instant(row[3]));
        }
    }

    private static Optional<UserState> lock(UUID userId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery("""
                        SELECT role::text, tokens_valid_after, coalesce(locked_until > now(), false), now()
                          FROM users WHERE id = :id FOR NO KEY UPDATE""")
                .setParameter("id", userId)
                .getResultList();
        return rows.stream().findFirst().map(UserState::of);
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return (Instant) value;
    }

    private static CredentialsRefused refused(String reason, UUID userId) {
        LOG.infof("Refresh refused%s: %s", userId == null ? "" : " for user " + userId, reason);
        return new CredentialsRefused(CredentialsRefused.REFRESH);
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
