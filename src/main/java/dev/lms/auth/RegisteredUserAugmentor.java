package dev.lms.auth;

import dev.lms.user.UserRole;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A valid signature is not enough: the token's subject must still be a user, and its role must still be the one in
 * {@code users}. A deleted user, or one whose role an admin changed, is refused (401) at once rather than when the
 * token expires, and so is a token issued before the user's password change or an admin's revocation
 * ({@link TokenCutoff}). One primary-key lookup per authenticated request, with plain JDBC: no Hibernate session is needed
 * this early, and it stays out of the statement counts of the request's own work.
 */
@ApplicationScoped
public class RegisteredUserAugmentor implements SecurityIdentityAugmentor {

    private final DataSource dataSource;

    RegisteredUserAugmentor(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        UUID id;
        UserRole claimed;
        try {
            id = subject(token);
            claimed = role(token);
        } catch (AuthenticationFailedException refused) {
            return Uni.createFrom().failure(refused);
        }
        return context.runBlocking(() -> {
            CurrentUser user = currentUser(id);
            UserRole current = user == null ? null : user.role();
            if (current == null) {
                throw new AuthenticationFailedException(
                        AuthenticationFailures.reason("the token's user no longer exists"));
            }
            if (current != claimed) {
                throw new AuthenticationFailedException(
                        AuthenticationFailures.reason("the token's role is no longer the user's role"));
            }
            if (TokenCutoff.refuses(user.tokensValidAfter(), token.getIssuedAtTime())) {
                throw new AuthenticationFailedException(AuthenticationFailures.reason(
                        "the token was issued before the user's password change or token revocation"));
            }
            return QuarkusSecurityIdentity.builder(identity)
                    .addAttribute(Caller.ID, id)
                    .addAttribute(Caller.ROLE, current)
                    .build();
        });
    }

    private static UUID subject(JsonWebToken token) {
        try {
            return UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException | NullPointerException notAUserId) {
            throw new AuthenticationFailedException(
                    AuthenticationFailures.reason("the token's subject is not a user id"));
        }
    }

    /**
     * Exactly one of the token's {@code groups} is a role. Other groups are ignored: an identity provider may add
     * its own.
     */
    private static UserRole role(JsonWebToken token) {
        Set<String> groups = token.getGroups() == null ? Set.of() : token.getGroups();
        List<UserRole> roles = Stream.of(UserRole.values())
                .filter(role -> groups.contains(role.name()))
                .toList();
        if (roles.size() != 1) {
            throw new AuthenticationFailedException(
                    AuthenticationFailures.reason("the token's groups hold " + roles.size() + " roles, not one"));
        }
        return roles.get(0);
    }

    /** What the request path checks a token against: the user's role and revocation cutoff. */
    private record CurrentUser(UserRole role, Instant tokensValidAfter) {}

    private CurrentUser currentUser(UUID id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT role::text, tokens_valid_after FROM users WHERE id = ?")) {
            statement.setObject(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                OffsetDateTime cutoff = rows.getObject(2, OffsetDateTime.class);
                return new CurrentUser(UserRole.valueOf(rows.getString(1)), cutoff == null ? null : cutoff.toInstant());
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
