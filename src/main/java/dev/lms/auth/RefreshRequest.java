package dev.lms.auth;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of POST /api/v1/auth/refresh and /logout: the refresh token, unless the browser sends it as the cookie.
 */
public record RefreshRequest(@Schema(writeOnly = true) String refreshToken) {

    @Override
    public String toString() {
        return "RefreshRequest[refreshToken=" + (refreshToken == null ? "absent" : "***") + "]";
    }
}
