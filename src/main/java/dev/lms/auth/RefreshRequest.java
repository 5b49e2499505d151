package dev.lms.auth;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of POST /api/v1/auth/refresh and /logout: the refresh token, unless the browser sends it as the cookie.
 */
public record RefreshRequest(
        @Size(max = RefreshRequest.TOKEN_MAX, message = "must be at most {max} characters") @Schema(writeOnly = true)
        String refreshToken) {

    /** Refresh tokens are 43 characters (32 random bytes, base64url); anything much longer is not one. */
    static final int TOKEN_MAX = 64;

    @Override
    public String toString() {
        return "RefreshRequest[refreshToken=" + (refreshToken == null ? "absent" : "***") + "]";
    }
}
