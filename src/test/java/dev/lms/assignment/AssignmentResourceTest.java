package dev.lms.assignment;

import static dev.lms.testing.Problems.fieldError;
import static dev.lms.testing.Problems.invalid;
import static dev.lms.testing.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

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
class AssignmentResourceTest {

    static final String ASSIGNMENTS = "/api/v1/assignments";

    @Inject
    Fixtures fixtures;

    UUID course;

    @BeforeEach
    void arrange() {
        course = fixtures.course(fixtures.instructor());
    }

    static String body(UUID courseId, String title, String dueDate, int points) {
        return """
                {"courseId": "%s", "title": "%s", "description": "Read chapter 1", "dueDate": %s, "points": %d}
                """.formatted(courseId, title, dueDate == null ? "null" : "\"" + dueDate + "\"", points);
    }

    /** Creates an assignment through the API, for tests about lists. */
    String assignment(String title, String dueDate, int points) {
        return Api.given()
                .body(body(course, title, dueDate, points))
                .post(ASSIGNMENTS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static String courseAssignments(UUID courseId) {
        return "/api/v1/courses/" + courseId + "/assignments";
    }

    // --- create ------------------------------------------------------------------------------------------------

    @Test
    void postingAnAssignmentShowsAndStoresWhatWasPosted() {
        Response created = Api.given()
                .body(body(course, "Essay", "2026-12-01T23:59:00Z", 20))
                .post(ASSIGNMENTS);

        created.then()
                .statusCode(201)
                .body("courseId", equalTo(course.toString()))
                .body("title", equalTo("Essay"))
                .body("description", equalTo("Read chapter 1"))
                .body("dueDate", equalTo("2026-12-01T23:59:00Z"))
                .body("points", equalTo(20));
        String id = created.path("id");
        assertThat(fixtures.row("assignments", UUID.fromString(id)))
                .containsEntry("course_id", course)
                .containsEntry("title", "Essay")
                .containsEntry("points", 20);
    }

    @Test
    void theDueDateIsOptional() {
        Api.given()
                .body("{\"courseId\": \"" + course + "\", \"title\": \"Whenever\", \"points\": 1}")
                .post(ASSIGNMENTS)
                .then()
                .statusCode(201)
                .body("dueDate", nullValue())
                .body("description", nullValue());
    }

    // --- validation: one field-level 400 per rule, and nothing is written --------------------------------------

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            title    | {"courseId": "%s", "title": "  ", "points": 10}
            title    | {"courseId": "%s",                "points": 10}
            points   | {"courseId": "%s", "title": "T",  "points": 0}
            points   | {"courseId": "%s", "title": "T",  "points": -5}
            points   | {"courseId": "%s", "title": "T"}
            points   | {"courseId": "%s", "title": "T",  "points": "10"}
            points   | {"courseId": "%s", "title": "T",  "points": 2.5}
            dueDate  | {"courseId": "%s", "title": "T",  "points": 10, "dueDate": "next friday"}
            courseId | {"courseId": "CS101", "title": "T", "points": 10}
            courseId | {                     "title": "T", "points": 10}
            """)
    void anInvalidFieldIsA400NamingIt(String field, String template) {
        Api.given().body(template.formatted(course)).post(ASSIGNMENTS).then().spec(invalid(field));

        assertThat(fixtures.count("assignments", "course_id", course)).isZero();
    }

    @Test
    void aDueDateBeyondWhatPostgreSQLStoresIs400NotA500() {
        Api.given()
                .body(body(course, "T", "+300000-01-01T00:00:00Z", 10))
                .post(ASSIGNMENTS)
                .then()
                .spec(problem(400));
        Api.given()
                .queryParam("dueBefore", "-5000-01-01T00:00:00Z")
                .get(ASSIGNMENTS)
                .then()
                .spec(problem(400));

        assertThat(fixtures.count("assignments", "course_id", course)).isZero();
    }

    @Test
    void aDueDateKeepsTheMicrosecondsPostgreSQLStores() {
        String id = assignment("Precise", "2026-12-01T23:59:59.123456789Z", 10);

        Api.given().get(ASSIGNMENTS + "/" + id).then().body("dueDate", equalTo("2026-12-01T23:59:59.123456Z"));
    }

    // --- read and list -------------------------------------------------------------------------------------------

    @Test
    void listsFilterByCourse() {
        String mine = assignment("Mine", null, 10);
        fixtures.assignment(fixtures.course(fixtures.instructor()), 10);

        Api.given().queryParam("courseId", course).get(ASSIGNMENTS).then().body("id", equalTo(List.of(mine)));
    }

    @Test
    void dueAfterIsInclusiveDueBeforeExclusiveAndBothLeaveOutUndatedAssignments() {
        String november = assignment("November", "2026-11-30T23:59:00Z", 10);
        String december = assignment("December", "2026-12-01T00:00:00Z", 10);
        String january = assignment("January", "2027-01-15T12:00:00Z", 10);
        assignment("Undated", null, 10);

        Api.given()
                .queryParam("courseId", course)
                .queryParam("dueBefore", "2026-12-01T00:00:00Z")
                .get(ASSIGNMENTS)
                .then()
                .body("id", equalTo(List.of(november)));
        Api.given()
                .queryParam("courseId", course)
                .queryParam("dueAfter", "2026-12-01T00:00:00Z")
                .get(ASSIGNMENTS)
                .then()
                .body("id", equalTo(List.of(december, january)));
        Api.given()
                .queryParam("courseId", course)
                .queryParam("dueAfter", "2026-12-01T00:00:00Z")
                .queryParam("dueBefore", "2027-01-01T00:00:00+01:00")
                .get(ASSIGNMENTS)
                .then()
                .body("id", equalTo(List.of(december)));
    }

    @Test
    void listsSortByTheGivenFieldsDescendingWithAMinus() {
        assignment("Beta", "2026-12-01T00:00:00Z", 30);
        assignment("Alpha", "2026-10-01T00:00:00Z", 10);
        assignment("Gamma", "2026-11-01T00:00:00Z", 30);

        Api.given()
                .queryParam("courseId", course)
                .queryParam("sort", "dueDate")
                .get(ASSIGNMENTS)
                .then()
                .body("title", equalTo(List.of("Alpha", "Gamma", "Beta")));
        Api.given()
                .queryParam("courseId", course)
                .queryParam("sort", "-points,title")
                .get(ASSIGNMENTS)
                .then()
                .body("title", equalTo(List.of("Beta", "Gamma", "Alpha")));
    }

    // --- the nested read: /courses/{id}/assignments ---------------------------------------------------------------

    @Test
    void aCoursesAssignmentsSortLikeAnyList() {
        String late = assignment("Late", "2027-01-01T00:00:00Z", 10);
        String early = assignment("Early", "2026-10-01T00:00:00Z", 10);

        Api.given()
                .queryParam("sort", "dueDate")
                .get(courseAssignments(course))
                .then()
                .body("id", equalTo(List.of(early, late)));
        Api.given()
                .queryParam("sort", "-dueDate")
                .get(courseAssignments(course))
                .then()
                .body("id", equalTo(List.of(late, early)));
    }

    // --- replace and patch ---------------------------------------------------------------------------------------

    @Test
    void putReplacesTheAssignment() {
        UUID id = fixtures.assignment(course, 10);

        Api.given()
                .body(body(course, "Renamed", "2027-02-01T09:00:00Z", 50))
                .put(ASSIGNMENTS + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("title", equalTo("Renamed"))
                .body("dueDate", equalTo("2027-02-01T09:00:00Z"))
                .body("points", equalTo(50));

        assertThat(fixtures.row("assignments", id))
                .containsEntry("title", "Renamed")
                .containsEntry("points", 50);
    }

    @Test
    void patchChangesOnlyTheFieldsItNamesAndNullClearsAnOptionalOne() {
        String id = assignment("Kept", "2026-12-01T00:00:00Z", 10);

        Api.given()
                .contentType(Api.MERGE_PATCH)
                .body("{\"points\": 15, \"dueDate\": null}")
                .patch(ASSIGNMENTS + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("points", equalTo(15))
                .body("dueDate", nullValue())
                .body("title", equalTo("Kept"))
                .body("description", equalTo("Read chapter 1"));
    }

    // --- references: 422, and nothing changed ---------------------------------------------------------------------

    @Test
    void anUnknownCourseIs422AndChangesNothing() {
        UUID unknown = UUID.randomUUID();
        UUID id = fixtures.assignment(course, 10);
        Map<String, Object> before = fixtures.row("assignments", id);

        Api.given().body(body(unknown, "T", null, 10)).post(ASSIGNMENTS).then().spec(fieldError(422, "courseId"));
        Api.given()
                .contentType(Api.MERGE_PATCH)
                .body("{\"courseId\": \"" + unknown + "\"}")
                .patch(ASSIGNMENTS + "/" + id)
                .then()
                .spec(fieldError(422, "courseId"));

        assertThat(fixtures.count("assignments", "course_id", unknown)).isZero();
        assertThat(fixtures.row("assignments", id)).isEqualTo(before);
    }
}
