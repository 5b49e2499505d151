package dev.lms.submission;

import static dev.lms.testing.Problems.fieldError;
import static dev.lms.testing.Problems.invalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
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
class SubmissionResourceTest {

    static final String SUBMISSIONS = "/api/v1/submissions";

    @Inject
    Fixtures fixtures;

    UUID course;
    UUID assignment;
    UUID student;

    @BeforeEach
    void arrange() {
        course = fixtures.course(fixtures.instructor());
        assignment = fixtures.assignment(course, 10);
        student = enrolledStudent();
    }

    UUID enrolledStudent() {
        UUID id = fixtures.student();
        fixtures.enrollment(id, course);
        return id;
    }

    static String body(UUID assignmentId, UUID studentId, String content, String fileUrl) {
        return """
                {"assignmentId": "%s", "studentId": "%s", "content": "%s", "fileUrl": %s}
                """.formatted(assignmentId, studentId, content, fileUrl == null ? "null" : "\"" + fileUrl + "\"");
    }

    static String assignmentSubmissions(UUID assignmentId) {
        return "/api/v1/assignments/" + assignmentId + "/submissions";
    }

    // --- create ------------------------------------------------------------------------------------------------

    @Test
    void submittingShowsAndStoresWhatWasPosted() {
        Response created = Api.given()
                .body(body(assignment, student, "My essay", "https://files.example.org/essay.pdf"))
                .post(SUBMISSIONS);

        created.then()
                .statusCode(201)
                .body("assignmentId", equalTo(assignment.toString()))
                .body("studentId", equalTo(student.toString()))
                .body("content", equalTo("My essay"))
                .body("fileUrl", equalTo("https://files.example.org/essay.pdf"))
                .body("submittedAt", startsWith("20"));
        String id = created.path("id");
        assertThat(fixtures.row("submissions", UUID.fromString(id)))
                .containsEntry("assignment_id", assignment)
                .containsEntry("student_id", student)
                .containsEntry("content", "My essay");
    }

    @Test
    void anyEnrolledUserMaySubmitWhateverTheirRole() {
        UUID instructorTakingTheCourse = fixtures.instructor();
        fixtures.enrollment(instructorTakingTheCourse, course);

        Api.given()
                .body(body(assignment, instructorTakingTheCourse, "Answer", null))
                .post(SUBMISSIONS)
                .then()
                .statusCode(201)
                .body("fileUrl", nullValue());
    }

    // --- validation: one field-level 400 per rule, and nothing is written --------------------------------------

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            assignmentId | {"studentId": "%2$s"}
            assignmentId | {"assignmentId": "essay", "studentId": "%2$s"}
            studentId    | {"assignmentId": "%1$s"}
            studentId    | {"assignmentId": "%1$s", "studentId": 7}
            fileUrl      | {"assignmentId": "%1$s", "studentId": "%2$s", "fileUrl": "ftp://files.example.org/a.pdf"}
            fileUrl      | {"assignmentId": "%1$s", "studentId": "%2$s", "fileUrl": "file:///etc/passwd"}
            content      | {"assignmentId": "%1$s", "studentId": "%2$s", "content": ["a", "b"]}
            """)
    void anInvalidFieldIsA400NamingIt(String field, String template) {
        Api.given()
                .body(template.formatted(assignment, student))
                .post(SUBMISSIONS)
                .then()
                .spec(invalid(field));

        assertThat(fixtures.count("submissions", "assignment_id", assignment)).isZero();
    }

    // --- read and list -------------------------------------------------------------------------------------------

    @Test
    void listsFilterByAssignmentAndByStudent() {
        UUID otherAssignment = fixtures.assignment(course, 5);
        UUID first = fixtures.submission(assignment, student);
        UUID second = fixtures.submission(otherAssignment, student);
        UUID classmates = fixtures.submission(assignment, fixtures.student());

        Api.given()
                .queryParam("studentId", student)
                .queryParam("sort", "submittedAt")
                .get(SUBMISSIONS)
                .then()
                .body("id", equalTo(List.of(first.toString(), second.toString())));
        Api.given()
                .queryParam("assignmentId", assignment)
                .queryParam("sort", "submittedAt")
                .get(SUBMISSIONS)
                .then()
                .body("id", equalTo(List.of(first.toString(), classmates.toString())));
        Api.given()
                .queryParam("assignmentId", otherAssignment)
                .queryParam("studentId", student)
                .get(SUBMISSIONS)
                .then()
                .body("id", equalTo(List.of(second.toString())));
    }

    @Test
    void listsSortByTheGivenFieldsDescendingWithAMinus() {
        UUID first = fixtures.submission(assignment, fixtures.student());
        UUID second = fixtures.submission(assignment, fixtures.student());

        Api.given()
                .queryParam("assignmentId", assignment)
                .queryParam("sort", "-submittedAt")
                .get(SUBMISSIONS)
                .then()
                .body("id", equalTo(List.of(second.toString(), first.toString())));
    }

    // --- the nested read: /assignments/{id}/submissions -----------------------------------------------------------

    @Test
    void anAssignmentsSubmissionsSortLikeAnyList() {
        UUID first = fixtures.submission(assignment, student);
        UUID second = fixtures.submission(assignment, fixtures.student());

        Api.given()
                .queryParam("sort", "-submittedAt")
                .get(assignmentSubmissions(assignment))
                .then()
                .body("id", equalTo(List.of(second.toString(), first.toString())));
        Api.given()
                .queryParam("sort", "submittedAt")
                .get(assignmentSubmissions(assignment))
                .then()
                .body("id", equalTo(List.of(first.toString(), second.toString())));
    }

    // --- replace and patch ---------------------------------------------------------------------------------------

    @Test
    void putReplacesTheWorkAndKeepsTheSubmissionTime() {
        UUID id = fixtures.submission(assignment, student);
        Object submittedAt = fixtures.row("submissions", id).get("submitted_at");

        Api.given()
                .body(body(assignment, student, "Second draft", "http://files.example.org/v2.pdf"))
                .put(SUBMISSIONS + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("content", equalTo("Second draft"))
                .body("fileUrl", equalTo("http://files.example.org/v2.pdf"));

        assertThat(fixtures.row("submissions", id))
                .containsEntry("content", "Second draft")
                .containsEntry("submitted_at", submittedAt);
    }

    @Test
    void patchChangesOnlyTheFieldsItNamesAndNullClearsAnOptionalOne() {
        UUID id = fixtures.submission(assignment, student);

        Api.given()
                .contentType(Api.MERGE_PATCH)
                .body("{\"content\": null, \"fileUrl\": \"https://x.example.org/a\"}")
                .patch(SUBMISSIONS + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("content", nullValue())
                .body("fileUrl", equalTo("https://x.example.org/a"))
                .body("studentId", equalTo(student.toString()));
    }

    // --- conflicts and references: 409 and 422, and nothing changed ----------------------------------------------

    @Test
    void aSecondSubmissionForTheSameAssignmentIs409() {
        UUID existing = fixtures.submission(assignment, student);
        Map<String, Object> before = fixtures.row("submissions", existing);

        Api.given()
                .body(body(assignment, student, "Again", null))
                .post(SUBMISSIONS)
                .then()
                .spec(fieldError(409, "studentId"));

        assertThat(fixtures.count("submissions", "student_id", student)).isOne();
        assertThat(fixtures.row("submissions", existing)).isEqualTo(before);
    }

    @Test
    void aStudentNotEnrolledInTheCourseCannotSubmit() {
        UUID outsider = fixtures.student();
        fixtures.enrollment(outsider, fixtures.course(fixtures.instructor()));

        Api.given()
                .body(body(assignment, outsider, "Let me in", null))
                .post(SUBMISSIONS)
                .then()
                .spec(fieldError(422, "studentId"))
                .body("detail", containsString("not enrolled"));

        assertThat(fixtures.count("submissions", "student_id", outsider)).isZero();
    }

    @Test
    void movingASubmissionToAnotherCoursesAssignmentIs422AndChangesNothing() {
        UUID id = fixtures.submission(assignment, student);
        UUID elsewhere = fixtures.assignment(fixtures.course(fixtures.instructor()), 10);
        Map<String, Object> before = fixtures.row("submissions", id);

        Api.given()
                .contentType(Api.MERGE_PATCH)
                .body("{\"assignmentId\": \"" + elsewhere + "\"}")
                .patch(SUBMISSIONS + "/" + id)
                .then()
                .spec(fieldError(422, "studentId"));

        assertThat(fixtures.row("submissions", id)).isEqualTo(before);
    }

    @Test
    void anUnknownAssignmentOrStudentIs422NamingTheField() {
        UUID unknown = UUID.randomUUID();

        Api.given()
                .body(body(unknown, student, "x", null))
                .post(SUBMISSIONS)
                .then()
                .spec(fieldError(422, "assignmentId"));
        Api.given()
                .body(body(assignment, unknown, "x", null))
                .post(SUBMISSIONS)
                .then()
                .spec(fieldError(422, "studentId"))
                .body("detail", containsString("No user"));

        assertThat(fixtures.count("submissions", "assignment_id", unknown)).isZero();
        assertThat(fixtures.count("submissions", "assignment_id", assignment)).isZero();
    }
}
