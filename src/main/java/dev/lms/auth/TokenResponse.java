package dev.lms.auth;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a login or a refresh earns: send {@code accessToken} as {@code Authorization: Bearer <accessToken>}, and
 * {@code refreshToken} to POST /api/v1/auth/refresh before it expires.
 *
 * @param expiresIn        seconds until the access token expires
 * @param refreshToken     absent when the client asked for it in a cookie ({@code "refreshCookie": true})
 * @param refreshExpiresIn seconds until the refresh token expires unused
 */
public record TokenResponse(
        String accessToken,
        String tokenType,
        long expiresIn,
        @JsonInclude(JsonInclude.Include.NON_NULL) String refreshToken,
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
