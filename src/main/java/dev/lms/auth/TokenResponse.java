package dev.lms.auth;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a login or a refresh earns: send {@code accessToken} as {@code Authorization: Bearer <accessToken>}, and
 * {@code refreshToken} to POST /api/v1/auth/refresh before it expires.
 *
 * @param expiresIn        seconds until the access token expires
 * @param refreshToken     null when the client asked for it in a cookie ({@code "refreshCookie": true})
 * @param refreshExpiresIn seconds until the refresh token expires unused
 */
public record TokenResponse(
        String accessToken,
        String tokenType,
        long expiresIn,
        @Schema(nullable = true) String refreshToken,
        long refreshExpiresIn) {

    /** The same, with the refresh token left for a cookie. */
    TokenResponse withoutRefreshToken() {
        return new TokenResponse(accessToken, tokenType, expiresIn, null, refreshExpiresIn);
    }

    @Override
    public String toString() {
        return "TokenResponse[accessToken=***, tokenType=" + tokenType + ", expiresIn=" + expiresIn
                + ", refreshToken=***]";
    }
}
