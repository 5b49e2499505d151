package dev.lms.user;

import dev.lms.access.UserRole;
import dev.lms.web.Versioned;
import java.time.Instant;
import java.util.UUID;

/** A user as the API shows them: never the password or its hash. */
public record UserResponse(
        UUID id, String email, String name, UserRole role, Instant createdAt, Instant updatedAt, long version)
        implements Versioned {

    static UserResponse of(User user) {
        return new UserResponse(
                user.id, user.email, user.name, user.role, user.createdAt, user.updatedAt, user.version);
    }
}
