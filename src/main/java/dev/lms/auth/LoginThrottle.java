package dev.lms.auth;

import dev.lms.access.UserRole;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The failure budget of one email, kept in {@code users.failed_login_attempts} and {@code users.locked_until} (V2),
 * so every replica shares it and a restart does not reset it.
 * <p>
 * Each attempt is charged up front, in the same UPDATE that checks the lock: concurrent guesses are serialised on the
 * row, so a burst of parallel requests gets no more tries than a patient attacker. A success pays the charge back.
 * Neither statement, nor the one that starts a session (which may also store the password again at the configured
 * bcrypt cost), bumps {@code version} or {@code updated_at}, so a login never invalidates a client's ETag.
 */
@ApplicationScoped
public class LoginThrottle {

    private final AuthConfig config;

    LoginThrottle(AuthConfig config) {
        this.config = config;
    }

    /** An account that may try its password now, with what checking it needs. */
    public record Account(UUID id, UserRole role, String passwordHash) {}

    /**
     * Charges one failure to {@code email} and returns its account, or empty when no user has this email or the
     * email is locked. The two are indistinguishable on purpose.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Account> attempt(String email) {
        return charge("lower(email) = lower(:key)", email);
    }

    /** The same for the account with this id: a password change proves the current password like a login does. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Account> attempt(UUID userId) {
        return charge("id = :key", userId);
    }

    /** A refresh token that was reused or had expired: counted like a wrong password, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void chargeFailure(UUID userId) {
        charge("id = :key", userId);
    }

    private Optional<Account> charge(String account, Object key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery("""
                        UPDATE users
                           SET failed_login_attempts = failed_login_attempts + 1,
                               locked_until = CASE WHEN failed_login_attempts + 1 >= :maxFailures
                                                   THEN now() + make_interval(secs => :lockSeconds) END
                         WHERE %s
                           AND (locked_until IS NULL OR locked_until <= now())
                        RETURNING id, role::text, password_hash""".formatted(account))
                .setParameter("maxFailures", config.throttling().maxFailures())
                .setParameter(
                        "lockSeconds", (double) config.throttling().lockFor().toSeconds())
                .setParameter("key", key)
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(row -> new Account((UUID) row[0], UserRole.valueOf((String) row[1]), (String) row[2]));
    }

    /** The password was right: the attempt was not a failure after all, and earlier ones are forgiven. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void succeeded(UUID userId) {
        Panache.getEntityManager()
                .createNativeQuery("UPDATE users SET failed_login_attempts = 0, locked_until = NULL WHERE id = :id")
                .setParameter("id", userId)
                .executeUpdate();
    }
}
