package dev.lms.user;

import dev.lms.access.UserRole;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of POST and PUT /users, and the shape a merge patch is applied to.
 *
 * @param password        write-only: stored as a bcrypt hash and never returned. Optional, because accounts may sign
 *                        in through an external identity provider; on PUT and PATCH, leaving it out keeps the current
 *                        one. Changing it refuses every token issued before and ends every session of the user.
 * @param currentPassword write-only: required to change one's own password (an admin resetting someone else's does
 *                        not know it); checked and throttled like a login
 */
public record UserRequest(
        @NotBlank @Email @Size(max = UserConstraints.EMAIL_MAX, message = "must be at most {max} characters") String email,

        @NotBlank @Size(max = UserConstraints.NAME_MAX, message = "must be at most {max} characters") String name,

        @NotNull UserRole role,

        @Size(min = 8, message = "must be at least 8 characters") @Size(max = UserConstraints.PASSWORD_MAX, message = "must be at most {max} characters") @Schema(
                writeOnly = true,
                minLength = 8,
                maxLength = UserConstraints.PASSWORD_MAX,
                description = "Write-only; stored as a bcrypt hash.")
        String password,

        @Size(max = UserConstraints.PASSWORD_MAX, message = "must be at most {max} characters") @Schema(
                writeOnly = true,
                maxLength = UserConstraints.PASSWORD_MAX,
                description = "Write-only; required to change one's own password.")
        String currentPassword) {

    /** The current state of a user as a request, for merge patches. The password is unknown, so it stays absent. */
    static UserRequest of(User user) {
        return new UserRequest(user.email, user.name, user.role, null, null);
    }

    /** Keeps the password out of logs and error messages. */
    @Override
    public String toString() {
        return "UserRequest[email=" + email + ", name=" + name + ", role=" + role + ", password="
                + (password == null ? "absent" : "***") + ", currentPassword="
                + (currentPassword == null ? "absent" : "***") + "]";
    }
}
