package dev.lms.user;

import static dev.lms.testing.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.lms.testing.Api;
import dev.lms.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UserDeletionTest {

    @Inject
    Fixtures fixtures;

    UUID instructor;
    UUID student;
    UUID course;

    @BeforeEach
    void arrange() {
        instructor = fixtures.instructor();
        student = fixtures.student();
        course = fixtures.course(instructor);
    }

    @Test
    void deletingAUserWhoTeachesACourseIsRefused() {
        // "still teaches" is the message of the courses_instructor_id_fkey rule: PostgreSQL's RESTRICT refused it.
        deleteUser(instructor).then().spec(problem(409)).body("detail", containsString("still teaches"));

        assertThat(fixtures.count("users", "id", instructor)).isOne();
        assertThat(fixtures.count("courses", "id", course)).isOne();
    }

    @Test
    void deletingAGraderKeepsTheGradeWithNoGrader() throws SQLException {
        UUID assistant = fixtures.instructor();
        UUID submission = fixtures.submission(fixtures.assignment(course, 10), student);
        UUID grade = fixtures.grade(submission, assistant, "8");

        deleteUser(assistant).then().statusCode(204);

        assertThat(fixtures.count("grades", "id", grade)).isOne();
        assertThat(fixtures.count("grades", "graded_by_id", assistant)).isZero();
        assertThat(fixtures.execute(
                        "UPDATE grades SET feedback = feedback WHERE id = ? AND graded_by_id IS NULL", grade))
                .as("the grade's graded_by_id is null")
                .isOne();
    }

    @Test
    void deletingAStudentRemovesTheirEnrollmentsAndSubmissions() {
        UUID enrollment = fixtures.enrollment(student, course);
        UUID submission = fixtures.submission(fixtures.assignment(course, 10), student);

        deleteUser(student).then().statusCode(204);

        assertThat(fixtures.count("enrollments", "id", enrollment)).isZero();
        assertThat(fixtures.count("submissions", "id", submission)).isZero();
    }

    @Test
    void deletingAnAuthorKeepsTheirDiscussionsPostsAndAnnouncements() {
        UUID author = fixtures.instructor();
        UUID discussion = fixtures.discussion(course, author);
        UUID post = fixtures.post(discussion, author, null);
        UUID announcement = fixtures.announcement(course, author);

        deleteUser(author).then().statusCode(204);

        assertThat(fixtures.count("discussions", "id", discussion)).isOne();
        assertThat(fixtures.count("discussion_posts", "id", post)).isOne();
        assertThat(fixtures.count("announcements", "id", announcement)).isOne();
        assertThat(fixtures.count("discussion_posts", "author_id", author)).isZero();
    }

    /** As an ADMIN, through the API: the path an operator's delete takes. */
    private static Response deleteUser(UUID id) {
        return Api.given().delete("/api/v1/users/" + id);
    }
}
