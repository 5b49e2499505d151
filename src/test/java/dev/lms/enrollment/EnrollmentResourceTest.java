package dev.lms.enrollment;

import static dev.lms.testing.Problems.fieldError;
import static dev.lms.testing.Problems.invalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.lms.testing.Api;
import dev.lms.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class EnrollmentResourceTest {

    static final String ENROLLMENTS = "/api/v1/enrollments";

    @Inject
    Fixtures fixtures;

    UUID course;
    UUID student;

    @BeforeEach
    void arrange() {
        course = fixtures.course(fixtures.instructor());
        student = fixtures.student();
    }

    static String body(UUID userId, UUID courseId) {
        return "{\"userId\": \"%s\", \"courseId\": \"%s\"}".formatted(userId, courseId);
    }

    static String courseEnrollments(UUID courseId) {
        return "/api/v1/courses/" + courseId + "/enrollments";
    }

    // --- create ------------------------------------------------------------------------------------------------

    @Test
    void enrollingShowsAndStoresWhatWasPosted() {
        Response created = Api.given().body(body(student, course)).post(ENROLLMENTS);

        created.then()
                .statusCode(201)
                .body("userId", equalTo(student.toString()))
                .body("courseId", equalTo(course.toString()))
                .body("enrolledAt", startsWith("20"));
        String id = created.path("id");
        assertThat(fixtures.row("enrollments", UUID.fromString(id)))
                .containsEntry("user_id", student)
                .containsEntry("course_id", course);
    }

    // --- validation: one field-level 400 per rule, and nothing is written --------------------------------------

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            userId   | {"courseId": "%2$s"}
            userId   | {"userId": "ada", "courseId": "%2$s"}
            courseId | {"userId": "%1$s"}
            courseId | {"userId": "%1$s", "courseId": 42}
            """)
    void anInvalidFieldIsA400NamingIt(String field, String template) {
        Api.given()
                .body(template.formatted(student, course))
                .post(ENROLLMENTS)
                .then()
                .spec(invalid(field));

        assertThat(fixtures.count("enrollments", "course_id", course)).isZero();
    }

    // --- read and list -------------------------------------------------------------------------------------------

    @Test
    void listsFilterByUserAndByCourse() {
        UUID otherCourse = fixtures.course(fixtures.instructor());
        UUID inBoth = fixtures.enrollment(student, course);
        UUID inOther = fixtures.enrollment(student, otherCourse);
        UUID classmate = fixtures.enrollment(fixtures.student(), course);

        Api.given()
                .queryParam("userId", student)
                .queryParam("sort", "enrolledAt")
                .get(ENROLLMENTS)
                .then()
                .body("id", equalTo(List.of(inBoth.toString(), inOther.toString())));
        Api.given()
                .queryParam("courseId", course)
                .queryParam("sort", "enrolledAt")
                .get(ENROLLMENTS)
                .then()
                .body("id", equalTo(List.of(inBoth.toString(), classmate.toString())));
        Api.given()
                .queryParam("userId", student)
                .queryParam("courseId", otherCourse)
                .get(ENROLLMENTS)
                .then()
                .body("id", equalTo(List.of(inOther.toString())));
    }

    @Test
    void listsSortByTheGivenFieldsDescendingWithAMinus() {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(fixtures.enrollment(fixtures.student(), course).toString());
        }

        Api.given()
                .queryParam("courseId", course)
                .queryParam("sort", "-enrolledAt")
                .get(ENROLLMENTS)
                .then()
                .body("id", equalTo(List.of(ids.get(2), ids.get(1), ids.get(0))));
    }

    // --- the nested read: /courses/{id}/enrollments ---------------------------------------------------------------

    @Test
    void aCoursesEnrollmentsSortLikeAnyList() {
        UUID mine = fixtures.enrollment(student, course);
        UUID classmate = fixtures.enrollment(fixtures.student(), course);

        Api.given()
                .queryParam("sort", "enrolledAt")
                .get(courseEnrollments(course))
                .then()
                .body("id", equalTo(List.of(mine.toString(), classmate.toString())));
        Api.given()
                .queryParam("sort", "-createdAt")
                .get(courseEnrollments(course))
                .then()
                .body("id", equalTo(List.of(classmate.toString(), mine.toString())));
    }

    // --- replace and patch ---------------------------------------------------------------------------------------

    @Test
    void putMovesTheEnrollmentToAnotherCourse() {
        UUID id = fixtures.enrollment(student, course);
        UUID otherCourse = fixtures.course(fixtures.instructor());

        Api.given()
                .body(body(student, otherCourse))
                .put(ENROLLMENTS + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("courseId", equalTo(otherCourse.toString()));

        assertThat(fixtures.row("enrollments", id)).containsEntry("course_id", otherCourse);
    }

    @Test
    void patchChangesOnlyTheFieldsItNamesAndKeepsTheEnrollmentTime() {
        UUID id = fixtures.enrollment(student, course);
        Object enrolledAt = fixtures.row("enrollments", id).get("enrolled_at");
        UUID otherStudent = fixtures.student();

        Api.given()
                .contentType(Api.MERGE_PATCH)
                .body("{\"userId\": \"" + otherStudent + "\"}")
                .patch(ENROLLMENTS + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("userId", equalTo(otherStudent.toString()))
                .body("courseId", equalTo(course.toString()));

        assertThat(fixtures.row("enrollments", id)).containsEntry("enrolled_at", enrolledAt);
    }

    // --- conflicts and references: 409 and 422, and nothing changed ----------------------------------------------

    @Test
    void enrollingTwiceIs409() {
        UUID existing = fixtures.enrollment(student, course);
        Map<String, Object> before = fixtures.row("enrollments", existing);

        Api.given().body(body(student, course)).post(ENROLLMENTS).then().spec(fieldError(409, "userId"));

        assertThat(fixtures.count("enrollments", "course_id", course)).isOne();
        assertThat(fixtures.row("enrollments", existing)).isEqualTo(before);
    }

    @Test
    void movingAnEnrollmentOntoAnExistingOneIs409AndChangesNothing() {
        UUID otherCourse = fixtures.course(fixtures.instructor());
        fixtures.enrollment(student, otherCourse);
        UUID id = fixtures.enrollment(student, course);
        Map<String, Object> before = fixtures.row("enrollments", id);

        Api.given()
                .contentType(Api.MERGE_PATCH)
                .body("{\"courseId\": \"" + otherCourse + "\"}")
                .patch(ENROLLMENTS + "/" + id)
                .then()
                .spec(fieldError(409, "userId"));

        assertThat(fixtures.row("enrollments", id)).isEqualTo(before);
    }

    @Test
    void anUnknownUserOrCourseIs422NamingTheField() {
        UUID id = fixtures.enrollment(student, course);
        Map<String, Object> before = fixtures.row("enrollments", id);

        Api.given()
                .body(body(UUID.randomUUID(), course))
                .post(ENROLLMENTS)
                .then()
                .spec(fieldError(422, "userId"));
        Api.given()
                .body(body(student, UUID.randomUUID()))
                .post(ENROLLMENTS)
                .then()
                .spec(fieldError(422, "courseId"));
        Api.given()
                .contentType(Api.MERGE_PATCH)
                .body("{\"courseId\": \"" + UUID.randomUUID() + "\"}")
                .patch(ENROLLMENTS + "/" + id)
                .then()
                .spec(fieldError(422, "courseId"));

        assertThat(fixtures.count("enrollments", "user_id", student)).isOne();
        assertThat(fixtures.row("enrollments", id)).isEqualTo(before);
    }
}
