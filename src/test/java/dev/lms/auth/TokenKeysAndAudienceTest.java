package dev.lms.auth;

import static dev.lms.testing.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lms.testing.Api;
import dev.lms.testing.Fixtures;
import dev.lms.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Issued tokens name their key ({@code kid}) and audience ({@code aud}); the key set is public; the audience is checked. */
@QuarkusTest
class TokenKeysAndAudienceTest {

    @Inject
    DataSource dataSource;

    @Test
    void issuedTokensCarryTheKidOfAPublishedKeyAndTheConfiguredAudience() throws Exception {
        Fixtures fixtures = new Fixtures(dataSource);
        String email = Fixtures.unique("keys") + "@example.org";
        UUID user = fixtures.user("STUDENT", email);
        fixtures.setPassword(user, "a password");

        String token = Api.anonymous()
                .body(Map.of("email", email, "password", "a password"))
                .post("/api/v1/auth/token")
                .path("accessToken");

        Response jwks = RestAssured.given().get("/.well-known/jwks.json"); // no token needed
        jwks.then().statusCode(200).header("Cache-Control", "public, max-age=300");
        List<Map<String, Object>> keys = jwks.jsonPath().getList("keys");
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0))
                .containsKeys("kty", "n", "e", "kid")
                .doesNotContainKeys("d", "p", "q", "dp", "dq", "qi");
        assertThat(Tokens.header(token))
                .containsEntry("kid", keys.get(0).get("kid"))
                .containsEntry("alg", "RS256");
        assertThat(Tokens.claims(token)).containsEntry("aud", "lms");
    }

    @Test
    void aTokenForAnotherAudienceOrForNoneIsRefused() {
        UUID user = new Fixtures(dataSource).student();
        Api.withToken(Tokens.forAudience("another-app", user, "STUDENT"))
                .get("/api/v1/users/me")
                .then()
                .spec(problem(401));
        Api.withToken(Tokens.forAudience(null, user, "STUDENT"))
                .get("/api/v1/users/me")
                .then()
                .spec(problem(401));
        Api.withToken(Tokens.forAudience(Tokens.audience(), user, "STUDENT"))
                .get("/api/v1/users/me")
                .then()
                .statusCode(200);
    }
}
