package dev.lms.auth;

import dev.lms.access.Caller;
import dev.lms.access.UserRole;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A valid signature is not enough: the token's subject must still be a user, and its role must still be the one in
 * {@code users}. A deleted user, or one whose role an admin changed, is refused (401): at once when the change went
 * through this replica, within {@code lms.auth.user-state-cache-for} (1 s) when it went through another one
 * ({@link RegisteredUsers}). While the user's state is cached, as it is for all but one request a second, the check
 * runs on the I/O thread without touching the database; otherwise it reads the row on a worker thread.
 */
@ApplicationScoped
public class RegisteredUserAugmentor implements SecurityIdentityAugmentor {

    private final RegisteredUsers users;

    RegisteredUserAugmentor(RegisteredUsers users) {
        this.users = users;
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
        RegisteredUsers.UserState cached = users.cached(id);
        if (cached != null) {
            try {
                return Uni.createFrom().item(checked(identity, token, id, claimed, cached));
            } catch (AuthenticationFailedException refused) {
                return Uni.createFrom().failure(refused);
            }
        }
        return context.runBlocking(() -> checked(identity, token, id, claimed, users.load(id)));
    }

    private static SecurityIdentity checked(
            SecurityIdentity identity, JsonWebToken token, UUID id, UserRole claimed, RegisteredUsers.UserState user) {
        String refusal = user.refusal(claimed, token.getIssuedAtTime());
        if (refusal != null) {
            throw new AuthenticationFailedException(AuthenticationFailures.reason(refusal));
        }
        return QuarkusSecurityIdentity.builder(identity)
                .addAttribute(Caller.ID, id)
                .addAttribute(Caller.ROLE, claimed)
                .build();
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
}
