package dev.lms.auth;

import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of POST /api/v1/auth/token. */
public record TokenRequest(
        @NotBlank String email,
        @NotBlank @Schema(writeOnly = true) String password) {

    /** Keeps the password out of logs and error messages. */
    @Override
    public String toString() {
        return "TokenRequest[email=" + email + ", password=***]";
    }
}
