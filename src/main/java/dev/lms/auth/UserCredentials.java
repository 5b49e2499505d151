package dev.lms.auth;

import dev.lms.user.Credentials;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** {@link Credentials} for the user feature, from the token service, the sessions and the registered-user cache. */
@ApplicationScoped
class UserCredentials implements Credentials {

    private final TokenService tokens;
    private final Sessions sessions;
    private final RegisteredUsers registeredUsers;

    UserCredentials(TokenService tokens, Sessions sessions, RegisteredUsers registeredUsers) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.registeredUsers = registeredUsers;
    }

    @Override
    public boolean isCurrentPassword(UUID userId, String password) {
        return tokens.isCurrentPassword(userId, password);
    }

    @Override
    public void revokeAll(UUID userId) {
        sessions.revokeAll(userId);
    }

    @Override
    public void changed(UUID userId) {
        registeredUsers.changed(userId);
    }
}
