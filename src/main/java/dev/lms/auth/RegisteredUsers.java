package dev.lms.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.lms.access.UserRole;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * What the request path needs to know of a token's user, read from {@code users} at most once per
 * {@code lms.auth.user-state-cache-for} (1 s) on each replica, instead of once per request.
 * <p>
 * The bound on revocation: a change made through this replica ({@link #changed}) drops the user's state when its
 * transaction ends, so the very next request reads the new row; a change made anywhere else (another replica, plain
 * SQL) takes effect here once the cached state is older than the TTL. A deleted user is cached too (as
 * {@link UserState#GONE}), so a flood of requests with their token does not reach the database either.
 */
@ApplicationScoped
@Startup // so that its metrics are at /q/metrics from the start, not from the first authenticated request
public class RegisteredUsers {

    public static final String CACHE = "lms.auth.user-states";

    private final DataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final Cache<UUID, UserState> states;

    RegisteredUsers(
            DataSource dataSource,
            TransactionSynchronizationRegistry transactions,
            AuthConfig config,
            MeterRegistry registry) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.states = Caffeine.newBuilder()
                .expireAfterWrite(config.userStateCacheFor())
                .maximumSize(100_000)
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(registry, states, CACHE);
    }

    /**
     * The user's state as a token is checked against. {@code role} is null for a user who no longer exists;
     * {@code tokensValidAfter} is the revocation cutoff ({@link TokenCutoff}), null when nothing was revoked. A new
     * revocation rule is a column read by {@link #read} and a condition here.
     */
    public record UserState(UserRole role, Instant tokensValidAfter) {

        static final UserState GONE = new UserState(null, null);

        /** Why a token that claims {@code role}, issued at {@code issuedAt} (seconds), no longer speaks for this user. */
        String refusal(UserRole claimed, long issuedAt) {
            if (role == null) {
                return "the token's user no longer exists";
            }
            if (role != claimed) {
                return "the token's role is no longer the user's role";
            }
            if (TokenCutoff.refuses(tokensValidAfter, issuedAt)) {
                return "the token was issued before the user's password change or token revocation";
            }
            return null;
        }
    }

    /** The cached state, or null when it must be read with {@link #load}, which blocks. Never blocks. */
    UserState cached(UUID id) {
        return states.getIfPresent(id);
    }

    /** The state, read from {@code users} unless cached: one primary-key lookup. Blocks; call it off the event loop. */
    UserState load(UUID id) {
        return states.get(id, this::read);
    }

    /**
     * Call from the transaction that changes or deletes a user: their cached state is dropped now, and again once the
     * transaction has ended, so that no request re-reads the row before the change commits and keeps the old state.
     */
    public void changed(UUID id) {
        states.invalidate(id);
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {}

                @Override
                public void afterCompletion(int status) {
                    states.invalidate(id);
                }
            });
        }
    }

    /** Plain JDBC: no Hibernate session is needed this early, and it is not part of the request's own work. */
    private UserState read(UUID id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT role::text, tokens_valid_after FROM users WHERE id = ?")) {
            statement.setObject(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return UserState.GONE;
                }
                OffsetDateTime cutoff = rows.getObject(2, OffsetDateTime.class);
                return new UserState(UserRole.valueOf(rows.getString(1)), cutoff == null ? null : cutoff.toInstant());
            }
        } catch (SQLException failure) {
            throw new CallerLookupFailed(failure);
        }
    }

    /** The database could not say who the caller is: not the caller's fault, so never a 401. */
    public static class CallerLookupFailed extends RuntimeException {
        CallerLookupFailed(SQLException cause) {
            super("Could not look up the token's user", cause);
        }
    }
}
