package dev.lms.user;

import static dev.lms.testing.Problems.invalid;
import static dev.lms.testing.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.lms.access.UserRole;
import dev.lms.testing.Api;
import dev.lms.testing.Fixtures;
import dev.lms.testing.Links;
import dev.lms.web.PageRequest;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class UserResourceTest {

    static final String USERS = "/api/v1/users";

    @Inject
    Fixtures fixtures;

    static String email() {
        return Fixtures.unique("ada") + "@example.org";
    }

    static String body(String email, String name, String role, String password) {
        return """
                {"email": "%s", "name": "%s", "role": "%s"%s}
                """.formatted(email, name, role, password == null ? "" : ", \"password\": \"" + password + "\"");
    }

    // --- create ------------------------------------------------------------------------------------------------

    @Test
    void creatingAUserShowsAndStoresWhatWasPosted() {
        String email = email();
        Response created = Api.given()
                .body(body(email, "Ada Lovelace", "STUDENT", "correct horse"))
                .post(USERS);

        created.then()
                .statusCode(201)
                .body("email", equalTo(email))
                .body("name", equalTo("Ada Lovelace"))
                .body("role", equalTo("STUDENT"))
                .body("createdAt", startsWith("20"))
                .body("updatedAt", startsWith("20"));
        String id = created.path("id");
        assertThat(fixtures.row("users", UUID.fromString(id))).containsEntry("email", email);
    }

    @Test
    void thePasswordIsStoredAsABcryptHashAtTheConfiguredCostAndNeverReturned() {
        String id = Api.given()
                .body(body(email(), "Ada", "STUDENT", "correct horse"))
                .post(USERS)
                .then()
                .statusCode(201)
                .body("$", not(org.hamcrest.Matchers.hasKey("password")))
                .extract()
                .path("id");

        String hash = (String) fixtures.row("users", UUID.fromString(id)).get("password_hash");
        int cost = ConfigProvider.getConfig().getValue("lms.auth.password-hash-cost", Integer.class);
        assertThat(hash).startsWith("$2a$%02d$".formatted(cost));
        assertThat(BcryptUtil.matches("correct horse", hash)).isTrue();
        // Api.given() also fails any test whose response mentions a password or a bcrypt hash.
    }

    @Test
    void aUserMayBeCreatedWithoutAPasswordForAnExternalIdentityProvider() {
        String id = Api.given()
                .body(body(email(), "Ada", "INSTRUCTOR", null))
                .post(USERS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        assertThat(fixtures.row("users", UUID.fromString(id))).containsEntry("password_hash", null);
    }

    // --- validation: one field-level 400 per rule, and nothing is written --------------------------------------

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            email    | {"email": "",          "name": "Ada", "role": "STUDENT"}
            email    | {"email": "not-email", "name": "Ada", "role": "STUDENT"}
            email    | {                      "name": "Ada", "role": "STUDENT"}
            name     | {"email": "a@x.org",   "name": "  ",  "role": "STUDENT"}
            name     | {"email": "a@x.org",                  "role": "STUDENT"}
            role     | {"email": "a@x.org",   "name": "Ada"}
            role     | {"email": "a@x.org",   "name": "Ada", "role": "KING"}
            role     | {"email": "a@x.org",   "name": "Ada", "role": 1}
            name     | {"email": "a@x.org",   "name": 42,    "role": "STUDENT"}
            password | {"email": "a@x.org",   "name": "Ada", "role": "STUDENT", "password": "seven77"}
            """)
    void anInvalidFieldIsA400NamingIt(String field, String json) {
        long before = fixtures.count("users", "lower(email)", "a@x.org");

        Api.given().body(json).post(USERS).then().spec(invalid(field));

        assertThat(fixtures.count("users", "lower(email)", "a@x.org")).isEqualTo(before);
    }

    @Test
    void malformedJsonIsA400() {
        Api.given().body("{\"email\": ").post(USERS).then().spec(problem(400)).body("detail", containsString("JSON"));
    }

    @Test
    void aMissingBodyIsA400() {
        Api.given().post(USERS).then().spec(invalid("body"));
    }

    // --- list ----------------------------------------------------------------------------------------------------

    @Test
    void listsArePagedWithLinkAndTotalCountHeaders() {
        fixtures.student();
        fixtures.student();
        fixtures.student();
        long total = Long.parseLong(Api.given().queryParam("size", 1).get(USERS).header("X-Total-Count"));
        long last = (total + 1) / 2;

        Response second =
                Api.given().queryParam("size", 2).queryParam("page", 2).get(USERS);

        second.then()
                .statusCode(200)
                .header("X-Total-Count", String.valueOf(total))
                .body("$", hasSize(2));
        assertThat(Links.of(second))
                .containsEntry("first", "page=1")
                .containsEntry("prev", "page=1")
                .containsEntry("last", "page=" + last);
        assertThat(Links.of(second).get("next")).isEqualTo(last > 2 ? "page=3" : null);
        assertThat(second.header("Link")).contains("size=2");
    }

    @Test
    void theFirstPageHasNoPrevAndTheLastNoNext() {
        UUID id = fixtures.user("STUDENT", email());
        String email = (String) fixtures.row("users", id).get("email");

        Response only = Api.given().queryParam("email", email).get(USERS);

        only.then().statusCode(200).header("X-Total-Count", "1");
        assertThat(Links.of(only)).containsOnlyKeys("first", "last");
    }

    @Test
    void theRoleFilterReturnsOnlyThatRole() {
        fixtures.user("ADMIN");

        Api.given()
                .queryParam("role", "ADMIN")
                .queryParam("size", 100)
                .get(USERS)
                .then()
                .statusCode(200)
                .body("role", everyItem(equalTo("ADMIN")))
                .body("size()", org.hamcrest.Matchers.greaterThan(0));
    }

    @Test
    void theEmailFilterIgnoresCase() {
        String email = email();
        UUID id = fixtures.user("STUDENT", email);

        Api.given()
                .queryParam("email", email.toUpperCase())
                .get(USERS)
                .then()
                .statusCode(200)
                .header("X-Total-Count", "1")
                .body("id", equalTo(List.of(id.toString())));
    }

    @Test
    void listsSortByTheGivenFieldsDescendingWithAMinus() {
        fixtures.user("ADMIN");
        fixtures.student();

        List<String> roles = Api.given()
                .queryParam("sort", "-role,email")
                .queryParam("size", 100)
                .get(USERS)
                .then()
                .statusCode(200)
                .extract()
                .path("role");

        // PostgreSQL orders an enum by declaration: STUDENT < INSTRUCTOR < ADMIN.
        List<Integer> ranks =
                roles.stream().map(role -> UserRole.valueOf(role).ordinal()).toList();
        assertThat(ranks).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void aPageWhoseOffsetWouldOverflowIs400NotAServerError() {
        Api.given()
                .queryParam("page", PageRequest.MAX_PAGE + 1)
                .queryParam("size", 100)
                .get(USERS)
                .then()
                .spec(invalid("page"));
        Api.given()
                .queryParam("page", PageRequest.MAX_PAGE)
                .queryParam("size", 100)
                .get(USERS)
                .then()
                .statusCode(200)
                .body("size()", org.hamcrest.Matchers.is(0));
    }

    // --- replace and patch ---------------------------------------------------------------------------------------

    @Test
    void putReplacesTheUserAndBumpsTheVersion() {
        UUID id = fixtures.student();
        String email = email();

        Api.given()
                .body(body(email, "Grace Hopper", "INSTRUCTOR", "new password"))
                .put(USERS + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("email", equalTo(email))
                .body("name", equalTo("Grace Hopper"))
                .body("role", equalTo("INSTRUCTOR"))
                .body("version", equalTo(1));

        Map<String, Object> row = fixtures.row("users", id);
        assertThat(row)
                .containsEntry("email", email)
                .containsEntry("name", "Grace Hopper")
                .containsEntry("version", 1L);
        assertThat(BcryptUtil.matches("new password", (String) row.get("password_hash")))
                .isTrue();
    }

    @Test
    void putWithoutAPasswordKeepsTheCurrentOne() {
        String email = email();
        String id = Api.given()
                .body(body(email, "Ada", "STUDENT", "first password"))
                .post(USERS)
                .path("id");

        Api.given()
                .body(body(email, "Ada L.", "STUDENT", null))
                .put(USERS + "/" + id)
                .then()
                .statusCode(200);

        String hash = (String) fixtures.row("users", UUID.fromString(id)).get("password_hash");
        assertThat(BcryptUtil.matches("first password", hash)).isTrue();
    }

    @Test
    void patchChangesOnlyTheFieldsItNames() {
        UUID id = fixtures.student();
        Map<String, Object> before = fixtures.row("users", id);

        Api.given()
                .contentType(Api.MERGE_PATCH)
                .body("{\"name\": \"Renamed\"}")
                .patch(USERS + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("name", equalTo("Renamed"))
                .body("email", equalTo(before.get("email")))
                .body("role", equalTo("STUDENT"));
    }

    @Test
    void aPatchMustBeAMergePatchObject() {
        UUID id = fixtures.student();

        Api.given()
                .contentType(Api.MERGE_PATCH)
                .body("[]")
                .patch(USERS + "/" + id)
                .then()
                .spec(problem(400));
        Api.given().body("{\"name\": \"x\"}").patch(USERS + "/" + id).then().spec(problem(415));
    }

    @Test
    void updatingAnUnknownUserIs404() {
        Api.given()
                .body(body(email(), "Ada", "STUDENT", null))
                .put(USERS + "/" + UUID.randomUUID())
                .then()
                .spec(problem(404));
        Api.given()
                .contentType(Api.MERGE_PATCH)
                .body("{}")
                .patch(USERS + "/" + UUID.randomUUID())
                .then()
                .spec(problem(404));
    }

    // --- If-Match ------------------------------------------------------------------------------------------------

    @Test
    void writesWithTheCurrentETagSucceed() {
        UUID id = fixtures.student();

        Api.given()
                .header("If-Match", "\"0\"")
                .contentType(Api.MERGE_PATCH)
                .body("{\"name\": \"One\"}")
                .patch(USERS + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"");
        Api.given().header("If-Match", "\"1\"").delete(USERS + "/" + id).then().statusCode(204);
    }

    @Test
    void aWeakETagIs412AndChangesNothing() {
        UUID id = fixtures.student();
        Api.given()
                .contentType(Api.MERGE_PATCH)
                .body("{\"name\": \"Changed by someone else\"}")
                .patch(USERS + "/" + id);
        Map<String, Object> before = fixtures.row("users", id);

        Api.given()
                .header("If-Match", "W/\"1\"")
                .delete(USERS + "/" + id)
                .then()
                .spec(problem(412));

        assertThat(fixtures.row("users", id)).isEqualTo(before);
    }

    @Test
    void aMalformedIfMatchIs400() {
        UUID id = fixtures.student();

        Api.given().header("If-Match", "0").delete(USERS + "/" + id).then().spec(problem(400));

        assertThat(fixtures.count("users", "id", id)).isOne();
    }

    // --- conflicts: 409, and nothing changed ---------------------------------------------------------------------

    @Test
    void aDuplicateEmailIs409WhateverItsCase() {
        String email = email();
        fixtures.user("STUDENT", email);

        Api.given()
                .body(body(email.toUpperCase(), "Impostor", "STUDENT", null))
                .post(USERS)
                .then()
                .spec(problem(409))
                .body("errors.field", equalTo(List.of("email")));

        assertThat(fixtures.count("users", "lower(email)", email.toLowerCase())).isOne();
    }

    @Test
    void changingAnEmailToOneInUseIs409AndChangesNothing() {
        String taken = email();
        fixtures.user("STUDENT", taken);
        UUID id = fixtures.student();
        Map<String, Object> before = fixtures.row("users", id);

        Api.given()
                .contentType(Api.MERGE_PATCH)
                .body("{\"email\": \"" + taken + "\"}")
                .patch(USERS + "/" + id)
                .then()
                .spec(problem(409));

        assertThat(fixtures.row("users", id)).isEqualTo(before);
    }

    @Test
    void deletingAUserWhoStillTeachesIs409AndKeepsThemAndTheirCourse() {
        UUID instructor = fixtures.instructor();
        UUID course = fixtures.course(instructor);

        Api.given()
                .delete(USERS + "/" + instructor)
                .then()
                .spec(problem(409))
                .body("detail", containsString("still teaches"));

        assertThat(fixtures.count("users", "id", instructor)).isOne();
        assertThat(fixtures.count("courses", "id", course)).isOne();
    }

    @Test
    void anInstructorWhoStillTeachesCannotBecomeAStudent() {
        UUID instructor = fixtures.instructor();
        fixtures.course(instructor);
        Map<String, Object> before = fixtures.row("users", instructor);

        Api.given()
                .contentType(Api.MERGE_PATCH)
                .body("{\"role\": \"STUDENT\"}")
                .patch(USERS + "/" + instructor)
                .then()
                .spec(problem(409));

        assertThat(fixtures.row("users", instructor)).isEqualTo(before);
    }
}
