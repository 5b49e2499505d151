package dev.lms.auth;

import dev.lms.user.UserConstraints;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of POST /api/v1/auth/token.
 *
 * @param refreshCookie true for a browser: the refresh token then comes in an {@code HttpOnly} cookie, never in the
 *                      body, so that no script can read it
 */
public record TokenRequest(
        @NotBlank @Size(max = UserConstraints.EMAIL_MAX, message = "must be at most {max} characters") String email,

        @NotBlank @Size(max = UserConstraints.PASSWORD_MAX, message = "must be at most {max} characters") @Schema(writeOnly = true)
        String password,

        Boolean refreshCookie) {

    boolean wantsCookie() {
        return Boolean.TRUE.equals(refreshCookie);
    }

    /** Keeps the password out of logs and error messages. */
    @Override
    public String toString() {
        return "TokenRequest[email=" + email + ", password=***, refreshCookie=" + refreshCookie + "]";
    }
}
