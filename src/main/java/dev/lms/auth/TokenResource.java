package dev.lms.auth;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Logins, refreshes and logouts. The refresh token travels in the JSON body, or, for a browser that asks for it at
 * login ({@code "refreshCookie": true}), only in the {@value #COOKIE} cookie: {@code HttpOnly} (no script reads it),
 * {@code Secure}, {@code SameSite=Strict} (no other site's page sends it) and scoped to {@value #COOKIE_PATH}, so it is
 * sent to nothing but these three endpoints. A refresh answers the way the token came in.
 */
@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Authentication")
public class TokenResource {

    static final String COOKIE = "lms_refresh";
    static final String COOKIE_PATH = "/api/v1/auth";

    private final TokenService tokens;
    private final Sessions sessions;

    public TokenResource(TokenService tokens, Sessions sessions) {
        this.tokens = tokens;
        this.sessions = sessions;
    }

    @POST
    @Path("token")
    @PermitAll
    @Operation(
            operationId = "createToken",
            summary = "Exchange an email and password for a short-lived access token and a refresh token")
    @APIResponse(
            responseCode = "200",
            description = "An access token for the API, and a refresh token (in the body, or as a cookie when asked).",
            content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "401", description = "Wrong email or password, or too many failures for this email")
    public RestResponse<TokenResponse> issue(@Valid @NotNull TokenRequest body) {
        return answer(tokens.issue(body), body.wantsCookie());
    }

    @POST
    @Path("refresh")
    @PermitAll
    @Operation(
            operationId = "refreshToken",
            summary = "Exchange a refresh token (body or cookie) for a new access token and a new refresh token;"
                    + " the old one is spent")
    @APIResponse(
            responseCode = "200",
            description = "A new access token, and a new refresh token (in the body, or as a cookie when the old one"
                    + " came as a cookie).",
            content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(
            responseCode = "401",
            description = "Unknown, expired or already used refresh token (a reuse ends the whole session)")
    public RestResponse<TokenResponse> refresh(
            @Valid RefreshRequest body, @CookieParam(COOKIE) @Size(max = RefreshRequest.TOKEN_MAX) String cookie) {
        String inBody = inBody(body);
        String token = inBody != null ? inBody : cookie;
        if (token == null || token.isBlank()) {
            throw new CredentialsRefused(CredentialsRefused.REFRESH);
        }
        return answer(tokens.refresh(token), inBody == null);
    }

    @POST
    @Path("logout")
    @PermitAll
    @Operation(
            operationId = "logout",
            summary = "End the session of a refresh token (body or cookie); its access tokens expire on their own")
    @APIResponse(responseCode = "204", description = "The session is over, or there was none")
    public RestResponse<Void> logout(
            @Valid RefreshRequest body, @CookieParam(COOKIE) @Size(max = RefreshRequest.TOKEN_MAX) String cookie) {
        String inBody = inBody(body);
        String token = inBody != null ? inBody : cookie;
        if (token != null && !token.isBlank()) {
            sessions.end(token);
        }
        return RestResponse.ResponseBuilder.<Void>noContent()
                .cookie(cookie("", 0))
                .build();
    }

    /** The body's refresh token; a blank one counts as none, so that it never hides the cookie's. */
    private static String inBody(RefreshRequest body) {
        return body == null
                        || body.refreshToken() == null
                        || body.refreshToken().isBlank()
                ? null
                : body.refreshToken();
    }

    private static RestResponse<TokenResponse> answer(TokenResponse response, boolean inCookie) {
        if (!inCookie) {
            return RestResponse.ok(response);
        }
        return RestResponse.ResponseBuilder.ok(response.withoutRefreshToken())
                .cookie(cookie(response.refreshToken(), (int) response.refreshExpiresIn()))
                .build();
    }

    private static NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(COOKIE)
                .value(value)
                .path(COOKIE_PATH)
                .maxAge(maxAge)
                .httpOnly(true)
                .secure(true)
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
    }
}
