package dev.lms.auth;

import static dev.lms.testing.Problems.problem;
import static dev.lms.testing.Problems.withoutTraceId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.lms.testing.Api;
import dev.lms.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TokenEndpointTest {

    static final String TOKEN = "/api/v1/auth/token";
    static final String PASSWORD = "correct horse";

    @Inject
    AuthConfig config;

    @Inject
    Fixtures fixtures;

    String email;
    UUID user;

    @BeforeEach
    void arrange() throws Exception {
        email = Fixtures.unique("login") + "@example.org";
        user = fixtures.user("INSTRUCTOR", email);
        fixtures.setPassword(user, PASSWORD);
    }

    static Response login(String email, String password) {
        return Api.anonymous()
                .body(Map.of("email", email, "password", password))
                .post(TOKEN);
    }

    @Test
    void theRightPasswordGetsAShortLivedTokenThatTheApiAccepts() {
        Response issued = login(email.toUpperCase(), PASSWORD);

        issued.then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("tokenType", equalTo("Bearer"))
                .body("expiresIn", equalTo((int) config.tokenLifespan().toSeconds()));
        Api.withToken(issued.path("accessToken"))
                .get("/api/v1/users/me")
                .then()
                .statusCode(200)
                .body("id", equalTo(user.toString()))
                .body("role", equalTo("INSTRUCTOR"));
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() {
        Response wrongPassword = login(email, "not the password");
        Response unknownEmail = login("nobody-" + email, "not the password");

        wrongPassword.then().spec(problem(401)).header("WWW-Authenticate", "Bearer");
        unknownEmail.then().spec(problem(401)).header("WWW-Authenticate", "Bearer");
        assertThat(withoutTraceId(unknownEmail.asString())).isEqualTo(withoutTraceId(wrongPassword.asString()));
        assertThat(unknownEmail.headers().asList().stream()
                        .map(h -> h.getName().toLowerCase())
                        .sorted()
                        .toList())
                .isEqualTo(wrongPassword.headers().asList().stream()
                        .map(h -> h.getName().toLowerCase())
                        .sorted()
                        .toList());
    }

    @Test
    void anAccountWithoutAPasswordGetsNoToken() throws Exception {
        fixtures.execute("UPDATE users SET password_hash = NULL WHERE id = ?", user);

        login(email, "").then().spec(problem(400));
        login(email, "anything at all").then().spec(problem(401));
    }

    @Test
    void repeatedFailuresLockTheEmailEvenForTheRightPassword() {
        int max = config.throttling().maxFailures();
        for (int i = 0; i < max; i++) {
            login(email, "guess " + i).then().statusCode(401);
        }

        Response locked = login(email, PASSWORD);

        locked.then().spec(problem(401));
        assertThat(withoutTraceId(locked.asString()))
                .isEqualTo(withoutTraceId(login("nobody-" + email, PASSWORD).asString()));
        Map<String, Object> row = fixtures.row("users", user);
        assertThat(row.get("failed_login_attempts")).isEqualTo(max);
        assertThat(row.get("locked_until")).isNotNull();
    }

    @Test
    void aLockThatHasRunOutLetsTheRightPasswordInAndForgivesTheFailures() throws Exception {
        fixtures.execute(
                "UPDATE users SET failed_login_attempts = ?, locked_until = now() - interval '1 second' WHERE id = ?",
                config.throttling().maxFailures(),
                user);

        login(email, PASSWORD).then().statusCode(200);

        Map<String, Object> row = fixtures.row("users", user);
        assertThat(row.get("failed_login_attempts")).isEqualTo(0);
        assertThat(row.get("locked_until")).isNull();
    }

    @Test
    void aFailureAfterALockHasRunOutLocksAgainAtOnce() throws Exception {
        fixtures.execute(
                "UPDATE users SET failed_login_attempts = ?, locked_until = now() - interval '1 second' WHERE id = ?",
                config.throttling().maxFailures(),
                user);

        login(email, "one more guess").then().statusCode(401);
        login(email, PASSWORD).then().statusCode(401);
    }

    @Test
    void loggingInChangesNeitherTheVersionNorTheETag() {
        long version = (long) fixtures.row("users", user).get("version");

        login(email, "wrong").then().statusCode(401);
        login(email, PASSWORD).then().statusCode(200);

        assertThat(fixtures.row("users", user).get("version")).isEqualTo(version);
    }

    @Test
    void aLoginRehashesAPasswordStoredAtAnotherCostAndKeepsTheSessionsItIssued() throws Exception {
        fixtures.execute(
                "UPDATE users SET password_hash = ? WHERE id = ?",
                io.quarkus.elytron.security.common.BcryptUtil.bcryptHash(PASSWORD, 5),
                user);

        Response first = login(email, PASSWORD);
        String rehashed = (String) fixtures.row("users", user).get("password_hash");
        Response second = login(email, PASSWORD);

        first.then().statusCode(200);
        second.then().statusCode(200);
        assertThat(rehashed).startsWith("$2a$04$");
        assertThat(io.quarkus.elytron.security.common.BcryptUtil.matches(PASSWORD, rehashed))
                .isTrue();
        assertThat(fixtures.row("users", user).get("password_hash"))
                .as("a hash at the configured cost is kept")
                .isEqualTo(rehashed);
        Api.withToken(first.path("accessToken")).get("/api/v1/users/me").then().statusCode(200);
        Api.anonymous()
                .body(Map.of("refreshToken", first.path("refreshToken")))
                .post("/api/v1/auth/refresh")
                .then()
                .statusCode(200);
    }

    @Test
    void concurrentLoginsWithAPasswordStoredAtAnotherCostAllSucceed() throws Exception {
        fixtures.execute(
                "UPDATE users SET password_hash = ? WHERE id = ?",
                io.quarkus.elytron.security.common.BcryptUtil.bcryptHash(PASSWORD, 5),
                user);
        // Fewer than the failure budget: each attempt is charged up front, so more at once would lock the email.
        int logins = config.throttling().maxFailures() - 1;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(logins);
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(logins);

        java.util.List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < logins; i++) {
            statuses.add(pool.submit(() -> {
                together.await();
                return login(email, PASSWORD).statusCode();
            }));
        }
        java.util.List<Integer> answered = new java.util.ArrayList<>();
        for (java.util.concurrent.Future<Integer> status : statuses) {
            answered.add(status.get(30, java.util.concurrent.TimeUnit.SECONDS));
        }
        pool.shutdown();

        // One of them stores the password again at the configured cost; the others must not take that for a
        // password change.
        assertThat(answered).containsOnly(200);
        assertThat((String) fixtures.row("users", user).get("password_hash")).startsWith("$2a$04$");
        assertThat(fixtures.row("users", user).get("failed_login_attempts")).isEqualTo(0);
    }

    @Test
    void theTokenEndpointValidatesItsBody() {
        Api.anonymous().body(Map.of("email", email)).post(TOKEN).then().spec(problem(400));
    }
}
