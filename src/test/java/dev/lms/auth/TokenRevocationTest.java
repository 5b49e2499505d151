package dev.lms.auth;

import static dev.lms.testing.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lms.testing.Api;
import dev.lms.testing.Fixtures;
import dev.lms.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A password change and an admin's revocation refuse every token issued before them, at the next request, to the
 * second (the same second included), and end the user's refresh sessions; a login right after gets tokens that work.
 */
@QuarkusTest
class TokenRevocationTest {

    static final String USERS = "/api/v1/users";
    static final String PASSWORD = "correct horse battery";

    @Inject
    Fixtures fixtures;

    String email;
    UUID user;

    @BeforeEach
    void arrange() throws Exception {
        email = Fixtures.unique("revoked") + "@example.org";
        user = fixtures.user("STUDENT", email);
        fixtures.setPassword(user, PASSWORD);
    }

    static Response login(String email, String password) {
        return Api.anonymous()
                .body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/token");
    }

    static Response me(String token) {
        return Api.withToken(token).get(USERS + "/me");
    }

    static Response refresh(String refreshToken) {
        return Api.anonymous().body(Map.of("refreshToken", refreshToken)).post("/api/v1/auth/refresh");
    }

    Response changeOwnPassword(String token, Map<String, String> body) {
        return Api.withToken(token).contentType(Api.MERGE_PATCH).body(body).patch(USERS + "/" + user);
    }

    long cutoffSecond() {
        Timestamp cutoff = (Timestamp) fixtures.row("users", user).get("tokens_valid_after");
        assertThat(cutoff).as("users.tokens_valid_after").isNotNull();
        return cutoff.toInstant().getEpochSecond();
    }

    @Test
    void changingOnesPasswordRefusesEveryEarlierTokenAndEndsTheSessions() {
        Response before = login(email, PASSWORD);
        String accessToken = before.path("accessToken");
        me(accessToken).then().statusCode(200);

        changeOwnPassword(accessToken, Map.of("password", "a new password 1", "currentPassword", PASSWORD))
                .then()
                .statusCode(200);

        me(accessToken).then().spec(problem(401));
        refresh(before.path("refreshToken")).then().spec(problem(401));
        login(email, PASSWORD).then().spec(problem(401));
    }

    @Test
    void aTokenFromTheSecondOfTheChangeIsRefusedAndOneFromTheNextSecondIsNot() {
        changeOwnPassword(
                        Tokens.valid(user, "STUDENT"),
                        Map.of("password", "a new password 1", "currentPassword", PASSWORD))
                .then()
                .statusCode(200);
        long cutoff = cutoffSecond();

        me(Tokens.issuedAt(user, "STUDENT", cutoff - 1)).then().spec(problem(401));
        me(Tokens.issuedAt(user, "STUDENT", cutoff)).then().spec(problem(401));
        me(Tokens.issuedAt(user, "STUDENT", cutoff + 1)).then().statusCode(200);
    }

    @Test
    void aLoginRightAfterAChangeGetsATokenThatWorksEvenInTheSameSecond() {
        changeOwnPassword(
                        Tokens.valid(user, "STUDENT"),
                        Map.of("password", "a new password 1", "currentPassword", PASSWORD))
                .then()
                .statusCode(200);

        Response after = login(email, "a new password 1");

        after.then().statusCode(200);
        me(after.path("accessToken")).then().statusCode(200);
        assertThat(((Number) Tokens.claims(after.path("accessToken")).get("iat")).longValue())
                .isGreaterThan(cutoffSecond());
        refresh(after.path("refreshToken")).then().statusCode(200);
    }

    @Test
    void changingOnesOwnPasswordWithoutTheCurrentOneIs422AndChangesNothing() {
        Map<String, Object> before = fixtures.row("users", user);

        changeOwnPassword(Tokens.valid(user, "STUDENT"), Map.of("password", "a new password 1"))
                .then()
                .spec(problem(422))
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("currentPassword"));

        assertThat(fixtures.row("users", user)).isEqualTo(before);
    }

    @Test
    void aWrongCurrentPasswordIs403CountsAsAFailedLoginAndChangesNothingElse() {
        String hashBefore = (String) fixtures.row("users", user).get("password_hash");
        String token = Tokens.valid(user, "STUDENT");

        changeOwnPassword(token, Map.of("password", "a new password 1", "currentPassword", "a guess"))
                .then()
                .spec(problem(403));

        Map<String, Object> after = fixtures.row("users", user);
        assertThat(after.get("password_hash")).isEqualTo(hashBefore);
        assertThat(after.get("tokens_valid_after")).isNull();
        assertThat(after.get("failed_login_attempts")).isEqualTo(1);
        me(token).then().statusCode(200);
    }

    @Test
    void anAdminResetsSomeoneElsesPasswordWithoutKnowingItAndTheirTokensEnd() {
        String token = login(email, PASSWORD).path("accessToken");

        Api.given()
                .contentType(Api.MERGE_PATCH)
                .body(Map.of("password", "reset by the admin"))
                .patch(USERS + "/" + user)
                .then()
                .statusCode(200);

        me(token).then().spec(problem(401));
        me(login(email, "reset by the admin").path("accessToken")).then().statusCode(200);
    }

    @Test
    void anAdminRevokesAllOfAUsersTokensAndSessions() {
        Response session = login(email, PASSWORD);

        Api.given().post(USERS + "/" + user + "/revoke-tokens").then().statusCode(204);

        me(session.path("accessToken")).then().spec(problem(401));
        refresh(session.path("refreshToken")).then().spec(problem(401));
        assertThat(fixtures.count("refresh_sessions", "user_id", user)).isZero();
        me(login(email, PASSWORD).path("accessToken")).then().statusCode(200);
    }

    @Test
    void revokingTheTokensOfAUserWhoDoesNotExistIs404() {
        Api.given()
                .post(USERS + "/" + UUID.randomUUID() + "/revoke-tokens")
                .then()
                .spec(problem(404));
    }
}
