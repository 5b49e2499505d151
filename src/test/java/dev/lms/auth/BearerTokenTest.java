package dev.lms.auth;

import static dev.lms.testing.Problems.problem;
import static org.hamcrest.Matchers.equalTo;

import dev.lms.testing.Api;
import dev.lms.testing.Fixtures;
import dev.lms.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every way a bearer token can be wrong is the same 401, with a challenge and a problem body. */
@QuarkusTest
class BearerTokenTest {

    static final String ME = "/api/v1/users/me";

    @Inject
    Fixtures fixtures;

    UUID student;

    @BeforeEach
    void arrange() {
        student = fixtures.student();
    }

    static ValidatableResponse refused(io.restassured.response.Response response) {
        return response.then()
                .spec(problem(401))
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"))
                .header("Cache-Control", "no-store");
    }

    @Test
    void aValidTokenReadsTheCallersOwnUser() {
        Api.as(student, "STUDENT")
                .get(ME)
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("id", equalTo(student.toString()))
                .body("role", equalTo("STUDENT"));
    }

    @Test
    void noTokenIs401() {
        refused(Api.anonymous().get(ME)).header("WWW-Authenticate", "Bearer");
    }

    @Test
    void anExpiredTokenIs401() {
        refused(Api.withToken(Tokens.expired(student, "STUDENT")).get(ME));
    }

    @Test
    void aTokenSignedByAnotherKeyIs401() {
        refused(Api.withToken(Tokens.signedByAnotherKey(student, "STUDENT")).get(ME));
    }

    @Test
    void aTamperedTokenIs401() {
        refused(Api.withToken(Tokens.tampered(student)).get(ME));
    }

    @Test
    void anUnsignedTokenIs401() {
        refused(Api.withToken(Tokens.unsigned(student, "STUDENT")).get(ME));
    }

    @Test
    void aTokenFromAnotherIssuerIs401() {
        refused(Api.withToken(Tokens.fromIssuer("https://elsewhere.example", student, "STUDENT"))
                .get(ME));
    }

    @Test
    void theTokenOfADeletedUserIs401() throws Exception {
        String token = Tokens.valid(student, "STUDENT");
        fixtures.execute("DELETE FROM users WHERE id = ?", student);

        refused(Api.withToken(token).get(ME));
    }

    @Test
    void aTokenWhoseRoleNoLongerMatchesIs401() throws Exception {
        String token = Tokens.valid(student, "STUDENT");
        fixtures.execute("UPDATE users SET role = 'INSTRUCTOR' WHERE id = ?", student);

        refused(Api.withToken(token).get(ME));
    }

    @Test
    void aTokenClaimingAnotherRoleThanTheUsersIs401() {
        refused(Api.as(student, "ADMIN").get(ME));
    }

    @Test
    void aTokenForAnIdThatIsNoUserIs401() {
        refused(Api.as(UUID.randomUUID(), "ADMIN").get(ME));
    }

    @Test
    void aTokenWhoseSubjectIsNotAUserIdIs401() {
        refused(Api.withToken(Tokens.of("alice", "STUDENT")).get(ME));
    }

    @Test
    void aTokenWithTwoRolesIs401() {
        refused(Api.withToken(Tokens.of(student.toString(), "STUDENT", "ADMIN")).get(ME));
    }

    @Test
    void groupsThatAreNotRolesAreIgnored() {
        Api.withToken(Tokens.of(student.toString(), "STUDENT", "offline_access"))
                .get(ME)
                .then()
                .statusCode(200);
    }

    @Test
    void healthAndTheApiDescriptionStayPublic() {
        Api.anonymous().get("/health/db").then().statusCode(200);
        Api.anonymous().get("/q/health/ready").then().statusCode(200);
        Api.anonymous().accept("application/yaml").get("/q/openapi").then().statusCode(200);
    }
}
