package dev.lms.course;

import static dev.lms.testing.Problems.fieldError;
import static dev.lms.testing.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dev.lms.testing.Api;
import dev.lms.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A course's life through the API alone, so that {@link CourseLifecycleIT} can run it against the packaged jar or the
 * native executable: the instructor is created through the API too.
 */
@QuarkusTest
class CourseLifecycleTest {

    static final String COURSES = "/api/v1/courses";
    static final String USERS = "/api/v1/users";

    String instructor;

    @BeforeEach
    void createInstructor() {
        instructor = user("INSTRUCTOR");
    }

    static String user(String role) {
        return Api.given()
                .body("""
                        {"email": "%s@example.org", "name": "Test %s", "role": "%s"}
                        """.formatted(Fixtures.unique(role.toLowerCase()), role, role))
                .post(USERS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static String body(String code, String title, String instructorId) {
        return """
                {"code": "%s", "title": "%s", "semester": "2026-FALL", "instructorId": "%s"}
                """.formatted(code, title, instructorId);
    }

    @Test
    void aCourseIsCreatedReadListedPatchedAndDeleted() {
        String code = Fixtures.unique("CS");
        Response created =
                Api.given().body(body(code, "Algorithms", instructor)).post(COURSES);
        created.then()
                .statusCode(201)
                .header("ETag", "\"0\"")
                .body("code", equalTo(code))
                .body("active", equalTo(true))
                .body("instructorId", equalTo(instructor));
        String course = COURSES + "/" + created.path("id");
        assertThat(created.header("Location")).endsWith(course);

        Api.given().get(course).then().statusCode(200).body("title", equalTo("Algorithms"));
        Api.given()
                .queryParam("instructorId", instructor)
                .get(COURSES)
                .then()
                .statusCode(200)
                .header("X-Total-Count", "1")
                .body("code", contains(code));
        Api.given()
                .header("If-Match", "\"0\"")
                .contentType(Api.MERGE_PATCH)
                .body("{\"title\": \"Advanced Algorithms\", \"active\": false}")
                .patch(course)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("title", equalTo("Advanced Algorithms"))
                .body("active", equalTo(false))
                .body("semester", equalTo("2026-FALL"));
        Api.given().delete(course).then().statusCode(204);

        Api.given().get(course).then().spec(problem(404));
    }

    @Test
    void aStudentCannotTeachACourse() {
        Api.given()
                .body(body(Fixtures.unique("CS"), "Algorithms", user("STUDENT")))
                .post(COURSES)
                .then()
                .spec(fieldError(422, "instructorId"));
    }

    @Test
    void anInstructorWhoStillTeachesCannotBeDeleted() {
        Api.given()
                .body(body(Fixtures.unique("CS"), "Algorithms", instructor))
                .post(COURSES)
                .then()
                .statusCode(201);

        Api.given().delete(USERS + "/" + instructor).then().spec(problem(409));
        Api.given().get(USERS + "/" + instructor).then().statusCode(200);
    }
}
