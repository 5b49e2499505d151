package dev.lms.grade;

import static dev.lms.testing.Problems.fieldError;
import static dev.lms.testing.Problems.invalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.lms.testing.Api;
import dev.lms.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class GradeResourceTest {

    static final String GRADES = "/api/v1/grades";

    @Inject
    Fixtures fixtures;

    UUID instructor;
    UUID assignment;
    UUID submission;

    @BeforeEach
    void arrange() {
        instructor = fixtures.instructor();
        assignment = fixtures.assignment(fixtures.course(instructor), 10);
        submission = fixtures.submission(assignment, fixtures.student());
    }

    static String body(UUID submissionId, String score, UUID gradedById) {
        return """
                {"submissionId": "%s", "score": %s, "feedback": "Well argued", "gradedById": %s}
                """.formatted(submissionId, score, gradedById == null ? "null" : "\"" + gradedById + "\"");
    }

    // --- create ------------------------------------------------------------------------------------------------

    @Test
    void gradingShowsAndStoresWhatWasPosted() {
        Response created = Api.given().body(body(submission, "8.5", instructor)).post(GRADES);

        created.then()
                .statusCode(201)
                .body("submissionId", equalTo(submission.toString()))
                .body("score", equalTo(8.5f))
                .body("feedback", equalTo("Well argued"))
                .body("gradedById", equalTo(instructor.toString()));
        String id = created.path("id");
        assertThat(fixtures.row("grades", UUID.fromString(id)))
                .containsEntry("submission_id", submission)
                .containsEntry("score", new BigDecimal("8.50"))
                .containsEntry("graded_by_id", instructor);
    }

    @Test
    void anAdminMayGradeAndTheFullPointsAreAllowed() {
        Api.given()
                .body(body(submission, "10", fixtures.user("ADMIN")))
                .post(GRADES)
                .then()
                .statusCode(201)
                .body("score", equalTo(10.0f));
    }

    @Test
    void theGraderIsOptional() {
        Api.given()
                .body(body(submission, "0", null))
                .post(GRADES)
                .then()
                .statusCode(201)
                .body("gradedById", nullValue());
    }

    // --- validation: one field-level 400 per rule, and nothing is written --------------------------------------

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            score        | {"submissionId": "%s", "score": -0.5}
            score        | {"submissionId": "%s"}
            score        | {"submissionId": "%s", "score": "8"}
            score        | {"submissionId": "%s", "score": 8.125}
            score        | {"submissionId": "%s", "score": 12345678}
            submissionId | {"score": 5, "x": "%s"}
            submissionId | {"submissionId": "first", "score": 5, "x": "%s"}
            gradedById   | {"submissionId": "%s", "score": 5, "gradedById": "the teacher"}
            """)
    void anInvalidFieldIsA400NamingIt(String field, String template) {
        Api.given()
                .body(template.formatted(submission).replace(", \"x\": \"" + submission + "\"", ""))
                .post(GRADES)
                .then()
                .spec(invalid(field));

        assertThat(fixtures.count("grades", "submission_id", submission)).isZero();
    }

    // --- read and list -------------------------------------------------------------------------------------------

    /** Three more graded submissions to the same assignment, all graded by {@code grader}. */
    void gradeThree(UUID grader) {
        for (String score : List.of("3", "9", "6")) {
            fixtures.grade(fixtures.submission(assignment, fixtures.student()), grader, score);
        }
    }

    @Test
    void listsFilterBySubmissionAndByGrader() {
        UUID mine = fixtures.grade(submission, instructor, "5");
        gradeThree(fixtures.instructor());

        Api.given()
                .queryParam("submissionId", submission)
                .get(GRADES)
                .then()
                .body("id", equalTo(List.of(mine.toString())));
        Api.given()
                .queryParam("gradedById", instructor)
                .get(GRADES)
                .then()
                .body("id", equalTo(List.of(mine.toString())));
        Api.given()
                .queryParam("submissionId", submission)
                .queryParam("gradedById", UUID.randomUUID())
                .get(GRADES)
                .then()
                .header("X-Total-Count", "0")
                .body("$", hasSize(0));
    }

    @Test
    void listsSortByTheGivenFieldsDescendingWithAMinus() {
        gradeThree(instructor);

        Api.given()
                .queryParam("gradedById", instructor)
                .queryParam("sort", "-score")
                .get(GRADES)
                .then()
                .body("score", equalTo(List.of(9.0f, 6.0f, 3.0f)));
        Api.given()
                .queryParam("gradedById", instructor)
                .queryParam("sort", "score")
                .get(GRADES)
                .then()
                .body("score", equalTo(List.of(3.0f, 6.0f, 9.0f)));
    }

    // --- replace and patch ---------------------------------------------------------------------------------------

    @Test
    void putReplacesTheGrade() {
        UUID id = fixtures.grade(submission, instructor, "5");
        UUID secondMarker = fixtures.instructor();

        Api.given()
                .body(body(submission, "9.5", secondMarker))
                .put(GRADES + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("score", equalTo(9.5f))
                .body("gradedById", equalTo(secondMarker.toString()));

        assertThat(fixtures.row("grades", id))
                .containsEntry("score", new BigDecimal("9.50"))
                .containsEntry("graded_by_id", secondMarker);
    }

    @Test
    void patchChangesOnlyTheFieldsItNamesAndNullClearsAnOptionalOne() {
        UUID id = fixtures.grade(submission, instructor, "5");

        Api.given()
                .contentType(Api.MERGE_PATCH)
                .body("{\"score\": 6, \"feedback\": \"Better on reflection\"}")
                .patch(GRADES + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("score", equalTo(6.0f))
                .body("feedback", equalTo("Better on reflection"))
                .body("gradedById", equalTo(instructor.toString()));
        Api.given()
                .contentType(Api.MERGE_PATCH)
                .body("{\"feedback\": null}")
                .patch(GRADES + "/" + id)
                .then()
                .statusCode(200)
                .body("feedback", nullValue())
                .body("score", equalTo(6.0f));
    }

    @Test
    void aGradeWhoseGraderWasDeletedCanStillBeChanged() throws Exception {
        UUID assistant = fixtures.instructor();
        UUID id = fixtures.grade(submission, assistant, "5");
        fixtures.execute("DELETE FROM users WHERE id = ?", assistant);

        Api.given()
                .contentType(Api.MERGE_PATCH)
                .body("{\"feedback\": \"Reviewed\"}")
                .patch(GRADES + "/" + id)
                .then()
                .statusCode(200)
                .body("gradedById", nullValue())
                .body("feedback", equalTo("Reviewed"));
    }

    // --- conflicts and references: 409 and 422, and nothing changed ----------------------------------------------

    @Test
    void aSecondGradeForASubmissionIs409() {
        UUID existing = fixtures.grade(submission, instructor, "5");
        Map<String, Object> before = fixtures.row("grades", existing);

        Api.given().body(body(submission, "9", instructor)).post(GRADES).then().spec(fieldError(409, "submissionId"));

        assertThat(fixtures.count("grades", "submission_id", submission)).isOne();
        assertThat(fixtures.row("grades", existing)).isEqualTo(before);
    }

    @Test
    void aStudentCannotGrade() {
        UUID student = fixtures.student();
        UUID other = fixtures.submission(assignment, fixtures.student());
        UUID id = fixtures.grade(other, instructor, "5");
        Map<String, Object> before = fixtures.row("grades", id);

        Api.given()
                .body(body(submission, "9", student))
                .post(GRADES)
                .then()
                .spec(fieldError(422, "gradedById"))
                .body("detail", containsString("STUDENT"));
        Api.given()
                .contentType(Api.MERGE_PATCH)
                .body("{\"gradedById\": \"" + student + "\"}")
                .patch(GRADES + "/" + id)
                .then()
                .spec(fieldError(422, "gradedById"));

        assertThat(fixtures.count("grades", "submission_id", submission)).isZero();
        assertThat(fixtures.row("grades", id)).isEqualTo(before);
    }

    @Test
    void aScoreAboveTheAssignmentsPointsIs422() {
        UUID other = fixtures.submission(assignment, fixtures.student());
        UUID id = fixtures.grade(other, instructor, "5");
        Map<String, Object> before = fixtures.row("grades", id);

        Api.given()
                .body(body(submission, "10.01", instructor))
                .post(GRADES)
                .then()
                .spec(fieldError(422, "score"))
                .body("detail", containsString("10"));
        Api.given()
                .contentType(Api.MERGE_PATCH)
                .body("{\"score\": 11}")
                .patch(GRADES + "/" + id)
                .then()
                .spec(fieldError(422, "score"));

        assertThat(fixtures.count("grades", "submission_id", submission)).isZero();
        assertThat(fixtures.row("grades", id)).isEqualTo(before);
    }

    @Test
    void movingAGradeToASubmissionWorthFewerPointsIsCheckedToo() {
        UUID small = fixtures.submission(fixtures.assignment(fixtures.course(instructor), 3), fixtures.student());
        UUID id = fixtures.grade(submission, instructor, "8");
        Map<String, Object> before = fixtures.row("grades", id);

        Api.given()
                .contentType(Api.MERGE_PATCH)
                .body("{\"submissionId\": \"" + small + "\"}")
                .patch(GRADES + "/" + id)
                .then()
                .spec(fieldError(422, "score"));

        assertThat(fixtures.row("grades", id)).isEqualTo(before);
    }

    @Test
    void anUnknownSubmissionOrGraderIs422NamingTheField() {
        UUID unknown = UUID.randomUUID();

        Api.given().body(body(unknown, "5", instructor)).post(GRADES).then().spec(fieldError(422, "submissionId"));
        Api.given().body(body(submission, "5", unknown)).post(GRADES).then().spec(fieldError(422, "gradedById"));

        assertThat(fixtures.count("grades", "submission_id", submission)).isZero();
        assertThat(fixtures.count("grades", "graded_by_id", unknown)).isZero();
    }
}
