package dev.lms.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lms.testing.Api;
import dev.lms.testing.Fixtures;
import dev.lms.testing.Statements;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Broken object-level authorization (OWASP API1): student A, enrolled in the same course as student B, tries to
 * reach B's work every way the API offers. Classmates are the hard case: A may see the course and its assignments,
 * so only the ownership check stands between A and B's rows. Everything answers as if B's rows did not exist, and
 * nothing changes.
 */
@QuarkusTest
class ObjectLevelAuthorizationTest {

    static final String SUBMISSIONS = "/api/v1/submissions";
    static final String GRADES = "/api/v1/grades";

    @Inject
    SessionFactory sessionFactory;

    @Inject
    Fixtures fixtures;

    UUID instructor;
    UUID a;
    UUID b;
    UUID course;
    UUID assignment;
    UUID aEnrollment;
    UUID aSubmission;
    UUID aGrade;
    UUID bEnrollment;
    /** B's submission to {@link #assignment}, graded ({@link #bGrade}). */
    UUID bSubmission;

    UUID bGrade;
    /** B's submission to a second assignment, not graded: the one B could still change. */
    UUID bOpenSubmission;

    @BeforeEach
    void arrange() {
        instructor = fixtures.instructor();
        a = fixtures.student();
        b = fixtures.student();
        course = fixtures.course(instructor);
        aEnrollment = fixtures.enrollment(a, course);
        bEnrollment = fixtures.enrollment(b, course);
        assignment = fixtures.assignment(course, 10);
        aSubmission = fixtures.submission(assignment, a);
        aGrade = fixtures.grade(aSubmission, instructor, "6.00");
        bSubmission = fixtures.submission(assignment, b);
        bGrade = fixtures.grade(bSubmission, instructor, "9.00");
        bOpenSubmission = fixtures.submission(fixtures.assignment(course, 10), b);
    }

    RequestSpecification asA() {
        return Api.as(a, "STUDENT");
    }

    @ParameterizedTest(name = "{0} of B''s graded submission")
    @ValueSource(strings = {"GET", "PUT", "PATCH", "DELETE"})
    void aStudentCannotReachAClassmatesGradedSubmissionById(String method) {
        assertNotFoundAndUnchanged(
                method,
                SUBMISSIONS,
                "submissions",
                bSubmission,
                Map.of("assignmentId", assignment, "studentId", b, "content", "Overwritten by A"));
    }

    @ParameterizedTest(name = "{0} of B''s submission, not yet graded")
    @ValueSource(strings = {"GET", "PUT", "PATCH", "DELETE"})
    void aStudentCannotReachAClassmatesOpenSubmissionById(String method) {
        assertNotFoundAndUnchanged(
                method,
                SUBMISSIONS,
                "submissions",
                bOpenSubmission,
                Map.of("assignmentId", assignment, "studentId", a, "content", "Taken over by A"));
    }

    @ParameterizedTest(name = "{0} of B''s grade")
    @ValueSource(strings = {"GET", "PUT", "PATCH", "DELETE"})
    void aStudentCannotReachAClassmatesGradeById(String method) {
        assertNotFoundAndUnchanged(
                method, GRADES, "grades", bGrade, Map.of("submissionId", bSubmission, "score", 0, "gradedById", a));
    }

    @Test
    void filteringByTheClassmateFindsNothing() {
        assertLists(asA().queryParam("studentId", b).get(SUBMISSIONS), List.of());
        assertLists(asA().queryParam("submissionId", bSubmission).get(GRADES), List.of());
        assertLists(asA().queryParam("userId", b).get("/api/v1/enrollments"), List.of());
    }

    @Test
    void listsOfTheSharedCourseHoldOnlyTheStudentsOwnRows() {
        assertLists(asA().queryParam("assignmentId", assignment).get(SUBMISSIONS), List.of(aSubmission));
        assertLists(asA().queryParam("gradedById", instructor).get(GRADES), List.of(aGrade));
        assertLists(asA().get(SUBMISSIONS), List.of(aSubmission));
        assertLists(asA().get(GRADES), List.of(aGrade));
    }

    @Test
    void nestedRoutesHoldOnlyTheStudentsOwnRows() {
        assertLists(asA().get("/api/v1/assignments/" + assignment + "/submissions"), List.of(aSubmission));
        // No roster: a student sees their own enrollment, not who else takes the course.
        assertLists(asA().get("/api/v1/courses/" + course + "/enrollments"), List.of(aEnrollment));
        asA().get("/api/v1/enrollments/" + bEnrollment).then().statusCode(404);
    }

    @Test
    void aStudentsNestedListsStillTakeAtMostTwoStatements() {
        long statements = Statements.during(
                sessionFactory,
                () -> asA().get("/api/v1/assignments/" + assignment + "/submissions")
                        .then()
                        .statusCode(200));
        assertThat(statements).isLessThanOrEqualTo(2);
        statements = Statements.during(
                sessionFactory,
                () -> asA().get("/api/v1/courses/" + course + "/enrollments")
                        .then()
                        .statusCode(200));
        assertThat(statements).isLessThanOrEqualTo(2);
    }

    @Test
    void aStudentCannotSubmitAsTheClassmateNorGradeAnything() {
        UUID newAssignment = fixtures.assignment(course, 10);
        asA().body(Map.of("assignmentId", newAssignment, "studentId", b, "content", "In B's name"))
                .post(SUBMISSIONS)
                .then()
                .statusCode(403);
        assertThat(fixtures.count("submissions", "assignment_id", newAssignment))
                .isZero();

        asA().body(Map.of("submissionId", bOpenSubmission, "score", 0))
                .post(GRADES)
                .then()
                .statusCode(403);
        asA().body(Map.of("submissionId", aSubmission, "score", 10))
                .put(GRADES + "/" + aGrade)
                .then()
                .statusCode(403);
        assertThat(fixtures.count("grades", "submission_id", bOpenSubmission)).isZero();
        assertThat(fixtures.row("grades", aGrade).get("score")).isEqualTo(new BigDecimal("6.00"));
    }

    /** An instructor who takes someone else's course is a student there: they never grade their own work in it. */
    @Test
    void anInstructorTakingACourseGradesNeitherTheirOwnWorkNorAClassmates() {
        UUID takingInstructor = fixtures.instructor();
        fixtures.enrollment(takingInstructor, course);
        UUID ownWork = fixtures.submission(assignment, takingInstructor);

        Api.as(takingInstructor, "INSTRUCTOR")
                .body(Map.of("submissionId", ownWork, "score", 10))
                .post(GRADES)
                .then()
                .statusCode(403);
        Api.as(takingInstructor, "INSTRUCTOR")
                .body(Map.of("submissionId", bOpenSubmission, "score", 0))
                .post(GRADES)
                .then()
                .statusCode(422);
        Api.as(takingInstructor, "INSTRUCTOR")
                .get(SUBMISSIONS + "/" + bSubmission)
                .then()
                .statusCode(404);
        assertThat(fixtures.count("grades", "submission_id", ownWork)).isZero();
        assertThat(fixtures.count("grades", "submission_id", bOpenSubmission)).isZero();
    }

    private void assertNotFoundAndUnchanged(
            String method, String path, String table, UUID id, Map<String, Object> body) {
        Map<String, Object> before = fixtures.row(table, id);
        RequestSpecification request = asA();
        Response response = switch (method) {
            case "GET" -> request.get(path + "/" + id);
            case "PUT" -> request.body(body).put(path + "/" + id);
            case "PATCH" -> request.contentType(Api.MERGE_PATCH).body(body).patch(path + "/" + id);
            case "DELETE" -> request.delete(path + "/" + id);
            default -> throw new IllegalArgumentException(method);
        };
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(fixtures.row(table, id))
                .as("B's row after A's %s", method)
                .isNotNull()
                .isEqualTo(before);
    }

    private static void assertLists(Response response, List<UUID> ids) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(response.header("X-Total-Count")).isEqualTo(String.valueOf(ids.size()));
        assertThat(response.jsonPath().getList("id"))
                .isEqualTo(ids.stream().map(UUID::toString).toList());
    }
}
