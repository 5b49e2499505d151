package dev.lms.auth;

/**
 * A signed bearer token: send it as {@code Authorization: Bearer <accessToken>}.
 *
 * @param expiresIn seconds until it expires
 */
public record TokenResponse(String accessToken, String tokenType, long expiresIn) {

    static TokenResponse bearer(String token, long expiresIn) {
        return new TokenResponse(token, "Bearer", expiresIn);
    }

    @Override
    public String toString() {
        return "TokenResponse[accessToken=***, tokenType=" + tokenType + ", expiresIn=" + expiresIn + "]";
    }
}
