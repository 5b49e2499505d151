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
    private final Passwords passwords;

    UserCredentials(TokenService tokens, Sessions sessions, RegisteredUsers registeredUsers, Passwords passwords) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.registeredUsers = registeredUsers;
        this.passwords = passwords;
    }

    @Override
    public String hash(String password) {
        return passwords.hash(password);
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
