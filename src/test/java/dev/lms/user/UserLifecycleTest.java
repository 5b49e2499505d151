package dev.lms.user;

import static dev.lms.testing.Problems.fieldError;
import static dev.lms.testing.Problems.invalid;
import static dev.lms.testing.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dev.lms.testing.Api;
import dev.lms.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * A user's life through the API alone, so that {@link UserLifecycleIT} can run it against the packaged jar or the
 * native executable: no injection, no SQL, only what a client sees.
 */
@QuarkusTest
class UserLifecycleTest {

    static final String USERS = "/api/v1/users";

    static String body(String email, String name, String role) {
        return """
                {"email": "%s", "name": "%s", "role": "%s", "password": "correct horse"}
                """.formatted(email, name, role);
    }

    static String email() {
        return Fixtures.unique("grace") + "@example.org";
    }

    @Test
    void aUserIsCreatedReadListedReplacedAndDeleted() {
        String email = email();
        Response created =
                Api.given().body(body(email, "Grace Hopper", "INSTRUCTOR")).post(USERS);
        created.then()
                .statusCode(201)
                .header("ETag", "\"0\"")
                .body("email", equalTo(email))
                .body("role", equalTo("INSTRUCTOR"));
        String user = USERS + "/" + created.path("id");
        assertThat(created.header("Location")).endsWith(user);

        Api.given().get(user).then().statusCode(200).header("ETag", "\"0\"").body("name", equalTo("Grace Hopper"));
        Api.given()
                .queryParam("email", email)
                .get(USERS)
                .then()
                .statusCode(200)
                .header("X-Total-Count", "1")
                .body("email", contains(email));
        Api.given()
                .header("If-Match", "\"0\"")
                .body(body(email, "Rear Admiral Hopper", "ADMIN"))
                .put(user)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("name", equalTo("Rear Admiral Hopper"))
                .body("role", equalTo("ADMIN"))
                .body("version", equalTo(1));
        Api.given().header("If-Match", "\"1\"").delete(user).then().statusCode(204);

        Api.given().get(user).then().spec(problem(404));
    }

    @Test
    void anInvalidUserIsA400ProblemNamingEachField() {
        Api.given()
                .body("{\"email\": \"not-an-email\", \"name\": \"Grace\", \"role\": \"KING\"}")
                .post(USERS)
                .then()
                .spec(invalid("role"));
        Api.given()
                .body(body("not-an-email", "Grace", "STUDENT"))
                .post(USERS)
                .then()
                .spec(invalid("email"));
    }

    @Test
    void aSecondUserWithTheSameEmailIsA409Problem() {
        String email = email();
        Api.given().body(body(email, "Grace", "STUDENT")).post(USERS).then().statusCode(201);

        Api.given()
                .body(body(email.toUpperCase(), "Impostor", "STUDENT"))
                .post(USERS)
                .then()
                .spec(fieldError(409, "email"));
    }

    @Test
    void aStaleIfMatchIsA412ProblemAndChangesNothing() {
        String email = email();
        String user = USERS + "/"
                + Api.given().body(body(email, "Grace", "STUDENT")).post(USERS).path("id");
        Api.given()
                .contentType(Api.MERGE_PATCH)
                .body("{\"name\": \"Changed by someone else\"}")
                .patch(user)
                .then()
                .statusCode(200);

        Api.given()
                .header("If-Match", "\"0\"")
                .contentType(Api.MERGE_PATCH)
                .body("{\"name\": \"Mine\"}")
                .patch(user)
                .then()
                .spec(problem(412));
        Api.given().get(user).then().body("name", equalTo("Changed by someone else"));
    }
}
