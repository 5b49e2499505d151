package dev.lms.auth;

import static dev.lms.testing.Problems.withoutTraceId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lms.testing.Api;
import dev.lms.testing.Fixtures;
import dev.lms.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Public endpoints ignore the Authorization header: a stale (deleted user's), expired, badly signed or malformed
 * token is answered exactly as if there were none. A client that always sends its last token can still log in again,
 * and a load balancer's probe never depends on one.
 */
@QuarkusTest
class PublicEndpointsTest {

    static final String PASSWORD = "correct horse";

    @Inject
    Fixtures fixtures;

    String email;
    Map<String, String> badTokens;

    @BeforeEach
    void arrange() throws Exception {
        email = Fixtures.unique("public") + "@example.org";
        UUID user = fixtures.user("STUDENT", email);
        fixtures.setPassword(user, PASSWORD);
        UUID deleted = fixtures.student();
        String stale = Tokens.valid(deleted, "STUDENT");
        fixtures.execute("DELETE FROM users WHERE id = ?", deleted);

        badTokens = new LinkedHashMap<>();
        badTokens.put("a deleted user's token", stale);
        badTokens.put("an expired token", Tokens.expired(user, "STUDENT"));
        badTokens.put("a token signed by another key", Tokens.signedByAnotherKey(user, "STUDENT"));
        badTokens.put("a malformed token", "not.a-jwt");
    }

    @Test
    void healthAndTheApiDescriptionAnswerAsWithoutAToken() {
        Map<String, Function<RequestSpecification, Response>> endpoints = new LinkedHashMap<>();
        endpoints.put("/q/health/live", request -> request.get("/q/health/live"));
        endpoints.put("/q/health/ready", request -> request.get("/q/health/ready"));
        endpoints.put("/q/health", request -> request.get("/q/health"));
        endpoints.put("/health/db", request -> request.get("/health/db"));
        endpoints.put(
                "/q/openapi", request -> request.accept("application/yaml").get("/q/openapi"));

        endpoints.forEach((path, call) -> {
            Response withoutToken = call.apply(Api.anonymous());
            assertThat(withoutToken.statusCode()).as(path).isEqualTo(200);
            badTokens.forEach((kind, token) -> assertThat(
                            call.apply(Api.anonymous().header("Authorization", "Bearer " + token))
                                    .statusCode())
                    .as("%s with %s", path, kind)
                    .isEqualTo(200));
        });
    }

    @Test
    void theTokenEndpointIssuesATokenWhateverTokenTheClientStillSends() {
        badTokens.forEach((kind, token) -> Api.anonymous()
                .header("Authorization", "Bearer " + token)
                .body(Map.of("email", email, "password", PASSWORD))
                .post("/api/v1/auth/token")
                .then()
                .statusCode(200));
    }

    @Test
    void theTokenEndpointRefusesWrongCredentialsAsWithoutAToken() {
        String withoutToken = Api.anonymous()
                .body(Map.of("email", email, "password", "wrong password"))
                .post("/api/v1/auth/token")
                .then()
                .statusCode(401)
                .extract()
                .asString();
        String withStaleToken = Api.anonymous()
                .header("Authorization", "Bearer " + badTokens.get("a deleted user's token"))
                .body(Map.of("email", email, "password", "wrong password"))
                .post("/api/v1/auth/token")
                .then()
                .statusCode(401)
                .extract()
                .asString();

        assertThat(withoutTraceId(withStaleToken)).isEqualTo(withoutTraceId(withoutToken));
    }
}
