package dev.lms.auth;

import static dev.lms.testing.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.lms.testing.Api;
import dev.lms.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Refresh sessions against the real database: opaque tokens stored as SHA-256, rotated on every use, a reused token
 * ends its whole family, idle and absolute expiry, logout, throttling, and the browser's cookie.
 */
@QuarkusTest
class RefreshSessionTest {

    static final String REFRESH = "/api/v1/auth/refresh";
    static final String PASSWORD = "correct horse battery";

    @Inject
    DataSource dataSource;

    @Inject
    AuthConfig config;

    @Inject
    Fixtures fixtures;

    String email;
    UUID user;

    @BeforeEach
    void arrange() throws Exception {
        email = Fixtures.unique("session") + "@example.org";
        user = fixtures.user("INSTRUCTOR", email);
        fixtures.setPassword(user, PASSWORD);
    }

    Response login(Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("email", email, "password", PASSWORD));
        body.putAll(extra);
        return Api.anonymous().body(body).post("/api/v1/auth/token");
    }

    static Response refresh(String refreshToken) {
        return Api.anonymous().body(Map.of("refreshToken", refreshToken)).post(REFRESH);
    }

    static Response me(String token) {
        return Api.withToken(token).get("/api/v1/users/me");
    }

    @Test
    void aRefreshTokenIsOpaqueStoredOnlyAsItsSha256AndGoodForOneRefresh() throws Exception {
        String refreshToken = login(Map.of()).path("refreshToken");

        assertThat(java.util.Base64.getUrlDecoder().decode(refreshToken)).hasSize(32);
        byte[] stored = (byte[]) fixtures.row("refresh_sessions", onlySession()).get("token_hash");
        assertThat(stored)
                .isEqualTo(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(refreshToken.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        Response refreshed = refresh(refreshToken);

        refreshed.then().statusCode(200).header("Cache-Control", "no-store").body("tokenType", equalTo("Bearer"));
        assertThat((String) refreshed.path("refreshToken")).isNotEqualTo(refreshToken);
        me(refreshed.path("accessToken")).then().statusCode(200).body("id", equalTo(user.toString()));
    }

    @Test
    void reusingAReplacedRefreshTokenEndsTheWholeSession() {
        String first = login(Map.of()).path("refreshToken");
        String second = refresh(first).path("refreshToken");
        String third = refresh(second).path("refreshToken");

        refresh(first).then().spec(problem(401)).header("WWW-Authenticate", "Bearer");

        refresh(third).then().spec(problem(401));
        assertThat(fixtures.count("refresh_sessions", "user_id", user)).isZero();
        assertThat(fixtures.row("users", user).get("failed_login_attempts")).isEqualTo(1);
    }

    @Test
    void anotherLoginsSessionSurvivesTheReuseOfThisOne() {
        String mine = login(Map.of()).path("refreshToken");
        String other = login(Map.of()).path("refreshToken");
        refresh(mine);

        refresh(mine).then().spec(problem(401));

        refresh(other).then().statusCode(200);
    }

    @Test
    void aRefreshTokenUnusedPastTheIdleTimeoutIsRefused() throws Exception {
        String refreshToken = login(Map.of()).path("refreshToken");
        fixtures.execute(
                "UPDATE refresh_sessions SET expires_at = now() - interval '1 second' WHERE user_id = ?", user);

        refresh(refreshToken).then().spec(problem(401));
    }

    @Test
    void refreshesNeverExtendASessionPastItsAbsoluteExpiry() throws Exception {
        Response login = login(Map.of());
        assertThat((int) login.path("refreshExpiresIn"))
                .isEqualTo((int) config.refresh().idleTimeout().toSeconds());
        // The session was started long ago: ten minutes of its absolute lifetime are left.
        fixtures.execute(
                "UPDATE refresh_sessions SET family_expires_at = now() + interval '10 minutes',"
                        + " expires_at = now() + interval '10 minutes' WHERE user_id = ?",
                user);

        Response refreshed = refresh(login.path("refreshToken"));

        refreshed.then().statusCode(200);
        assertThat((int) refreshed.path("refreshExpiresIn")).isBetween(1, 600);
        fixtures.execute(
                "UPDATE refresh_sessions SET family_expires_at = now(), expires_at = now() WHERE user_id = ?", user);
        refresh(refreshed.path("refreshToken")).then().spec(problem(401));
    }

    @Test
    void logoutEndsTheSessionAndIsQuietAboutUnknownTokens() {
        String refreshToken = login(Map.of()).path("refreshToken");

        Api.anonymous()
                .body(Map.of("refreshToken", refreshToken))
                .post("/api/v1/auth/logout")
                .then()
                .statusCode(204);
        Api.anonymous()
                .body(Map.of("refreshToken", "not a token"))
                .post("/api/v1/auth/logout")
                .then()
                .statusCode(204);

        refresh(refreshToken).then().spec(problem(401));
        assertThat(fixtures.count("refresh_sessions", "user_id", user)).isZero();
    }

    @Test
    void aLockedAccountCannotRefresh() throws Exception {
        String refreshToken = login(Map.of()).path("refreshToken");
        fixtures.execute("UPDATE users SET locked_until = now() + interval '15 minutes' WHERE id = ?", user);

        refresh(refreshToken).then().spec(problem(401));
    }

    @Test
    void anUnknownOrMissingRefreshTokenIs401() {
        refresh("bm90IGEgcmVmcmVzaCB0b2tlbiBhdCBhbGwsIGp1c3QgYnl0ZXM").then().spec(problem(401));
        Api.anonymous().body(Map.of()).post(REFRESH).then().spec(problem(401));
    }

    @Test
    void aBlankRefreshTokenInTheBodyNeverHidesTheCookies() {
        String cookie = login(Map.of("refreshCookie", true)).cookie("lms_refresh");

        Response refreshed = Api.anonymous()
                .cookie("lms_refresh", cookie)
                .body(Map.of("refreshToken", ""))
                .post(REFRESH);

        refreshed.then().statusCode(200);
        Api.anonymous()
                .cookie("lms_refresh", refreshed.cookie("lms_refresh"))
                .body(Map.of("refreshToken", " "))
                .post("/api/v1/auth/logout")
                .then()
                .statusCode(204);
        Api.anonymous()
                .cookie("lms_refresh", refreshed.cookie("lms_refresh"))
                .body(Map.of())
                .post(REFRESH)
                .then()
                .spec(problem(401));
    }

    @Test
    void aBrowserGetsItsRefreshTokenOnlyInAStrictHttpOnlyCookieScopedToTheAuthPaths() {
        Response login = login(Map.of("refreshCookie", true));

        login.then().statusCode(200);
        assertThat(login.jsonPath().getMap("$")).containsEntry("refreshToken", null);
        String setCookie = login.header("Set-Cookie");
        assertThat(setCookie)
                .startsWith("lms_refresh=")
                .contains("Path=/api/v1/auth")
                .containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("Secure")
                .containsIgnoringCase("SameSite=Strict");
        String cookie = login.cookie("lms_refresh");

        Response refreshed =
                Api.anonymous().cookie("lms_refresh", cookie).body(Map.of()).post(REFRESH);

        refreshed.then().statusCode(200);
        assertThat(refreshed.jsonPath().getMap("$")).containsEntry("refreshToken", null);
        assertThat(refreshed.cookie("lms_refresh")).isNotBlank().isNotEqualTo(cookie);
        me(refreshed.path("accessToken")).then().statusCode(200);

        Response logout = Api.anonymous()
                .cookie("lms_refresh", refreshed.cookie("lms_refresh"))
                .body(Map.of())
                .post("/api/v1/auth/logout");
        logout.then().statusCode(204);
        assertThat(logout.header("Set-Cookie")).contains("Max-Age=0");
        assertThat(fixtures.count("refresh_sessions", "user_id", user)).isZero();
    }

    @Test
    void deletingTheUserDeletesTheirSessions() {
        login(Map.of());

        Api.given().delete("/api/v1/users/" + user).then().statusCode(204);

        assertThat(fixtures.count("refresh_sessions", "user_id", user)).isZero();
    }

    private UUID onlySession() {
        assertThat(fixtures.count("refresh_sessions", "user_id", user)).isOne();
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement("SELECT id FROM refresh_sessions WHERE user_id = ?")) {
            statement.setObject(1, user);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getObject(1, UUID.class);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
