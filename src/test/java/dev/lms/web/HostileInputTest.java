package dev.lms.web;

import static dev.lms.testing.Problems.invalid;
import static dev.lms.testing.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.lms.course.CourseConstraints;
import dev.lms.testing.Api;
import dev.lms.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The inputs of issue 10 that used to be 500s or stored wrong: each is now a 400 naming the field, and nothing is
 * written. (The contract fuzz test, {@code OpenApiContractFuzzTest}, throws the same kinds of values at every operation.)
 */
@QuarkusTest
class HostileInputTest {

    static final String COURSES = "/api/v1/courses";
    static final String ASSIGNMENTS = "/api/v1/assignments";

    @Inject
    Fixtures fixtures;

    UUID instructor;
    UUID course;

    @BeforeEach
    void arrange() {
        instructor = fixtures.instructor();
        course = fixtures.course(instructor);
    }

    @ParameterizedTest
    @ValueSource(strings = {"A\\u0000B", "\\u0000", "lone \\ud800 surrogate", "reversed \\udc00\\ud800 pair"})
    void aStringTheDatabaseCannotStoreIsA400OnItsField(String title) {
        String code = Fixtures.unique("NUL");
        Api.given()
                .body("""
                        {"code": "%s", "title": "%s", "instructorId": "%s"}""".formatted(code, title, instructor))
                .post(COURSES)
                .then()
                .spec(invalid("title"));

        assertThat(fixtures.count("courses", "code", code)).isZero();
    }

    @Test
    void aNulInAMergePatchIsA400OnItsField() {
        String etag = Api.given().get(COURSES + "/" + course).header("ETag");
        Api.given()
                .contentType(Api.MERGE_PATCH)
                .header("If-Match", etag)
                .body("{\"semester\": \"x\\u0000\"}")
                .patch(COURSES + "/" + course)
                .then()
                .spec(invalid("semester"));
    }

    @Test
    void anIfMatchSentEmptyIsA400AndDeletesNothing() {
        UUID announcement = fixtures.announcement(course, null);

        Api.given()
                .header("If-Match", "")
                .delete("/api/v1/announcements/" + announcement)
                .then()
                .spec(invalid("If-Match"));

        assertThat(fixtures.count("announcements", "id", announcement)).isOne();
    }

    @Test
    void aSupplementaryCharacterIsStoredAsSent() {
        String code = Fixtures.unique("EMOJI");
        Api.given()
                .body("""
                        {"code": "%s", "title": "Math \\ud83d\\ude00 \\u200b \\u202e", "instructorId": "%s"}""".formatted(code, instructor))
                .post(COURSES)
                .then()
                .statusCode(201)
                .body("title", equalTo("Math \ud83d\ude00 \u200b \u202e"));
    }

    @Test
    void aNulInAQueryParameterIsA400NamingIt() {
        Api.given().queryParam("semester", "2026\u0000").get(COURSES).then().spec(invalid("semester"));
        Api.given().queryParam("sort", "title\u0000").get(COURSES).then().spec(invalid("sort"));
    }

    @Test
    void aCourseCodeLongerThanItsLimitIsA400OnTheCodeAndNeverReachesTheIndex() {
        String code = "C".repeat(3_000);
        Api.given()
                .body("""
                        {"code": "%s", "title": "Long", "instructorId": "%s"}""".formatted(code, instructor))
                .post(COURSES)
                .then()
                .spec(invalid("code"))
                .body("errors[0].message", equalTo("must be at most " + CourseConstraints.CODE_MAX + " characters"));

        assertThat(fixtures.count("courses", "code", code)).isZero();
    }

    @Test
    void aCourseCodeOfExactlyItsLimitIsAccepted() {
        String code = Fixtures.unique("X") + "x".repeat(CourseConstraints.CODE_MAX - 10);
        assertThat(code).hasSize(CourseConstraints.CODE_MAX);
        Api.given().body("""
                        {"code": "%s", "title": "Long", "instructorId": "%s"}""".formatted(code, instructor)).post(COURSES).then().statusCode(201);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "+584556075-01-01T00:00:00Z",
                "+294277-01-01T00:00:00Z",
                "+10000-01-01T00:00:00Z",
                "-0001-12-31T23:59:59Z",
                "-4713-11-24T00:00:00Z"
            })
    void aDueDateOutsideRfc3339IsA400OnItsField(String dueDate) {
        Api.given()
                .body("""
                        {"courseId": "%s", "title": "Far", "points": 10, "dueDate": "%s"}""".formatted(course, dueDate))
                .post(ASSIGNMENTS)
                .then()
                .spec(invalid("dueDate"));

        assertThat(fixtures.count("assignments", "course_id", course)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"9999-12-31T23:59:59.999999Z", "0000-01-01T00:00:00Z", "0001-01-01T00:00:00Z"})
    void theFirstAndLastInstantsOfRfc3339AreStoredAndSentBackAsSent(String dueDate) {
        String id = Api.given()
                .body("""
                        {"courseId": "%s", "title": "Edge", "points": 10, "dueDate": "%s"}""".formatted(course, dueDate))
                .post(ASSIGNMENTS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        Api.given().get(ASSIGNMENTS + "/" + id).then().statusCode(200).body("dueDate", equalTo(dueDate));
    }

    @Test
    void anInstantQueryParameterOutsideRfc3339IsA400NamingIt() {
        Api.given()
                .queryParam("dueBefore", "+584556075-01-01T00:00:00Z")
                .get(ASSIGNMENTS)
                .then()
                .spec(invalid("dueBefore"));
    }

    @Test
    void aDuplicateKeyIsA400AndWritesNothing() {
        String code = Fixtures.unique("DUP");
        Api.given().body("""
                        {"code": "%s", "title": "One", "title": "Two", "instructorId": "%s"}""".formatted(code, instructor)).post(COURSES).then().spec(problem(400));

        assertThat(fixtures.count("courses", "code", code)).isZero();
    }
}
