package dev.lms.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import dev.lms.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UserDeletionTest {

    @Inject
    UserService users;

    @Inject
    DataSource dataSource;

    Fixtures fixtures;
    UUID instructor;
    UUID student;
    UUID course;

    @BeforeEach
    void arrange() {
        fixtures = new Fixtures(dataSource);
        instructor = fixtures.instructor();
        student = fixtures.student();
        course = fixtures.course(instructor);
    }

    @Test
    void deletingAUserWhoTeachesACourseIsRefused() {
        assertThatThrownBy(() -> users.delete(instructor))
                .isInstanceOf(PersistenceException.class)
                .extracting(UserDeletionTest::sqlState, InstanceOfAssertFactories.STRING)
                .isEqualTo("23503");

        assertThat(fixtures.count("users", "id", instructor)).isOne();
        assertThat(fixtures.count("courses", "id", course)).isOne();
    }

    @Test
    void deletingAGraderKeepsTheGradeWithNoGrader() throws SQLException {
        UUID assistant = fixtures.instructor();
        UUID submission = fixtures.submission(fixtures.assignment(course, 10), student);
        UUID grade = fixtures.grade(submission, assistant, "8");

        assertThat(users.delete(assistant)).isTrue();

        assertThat(fixtures.count("grades", "id", grade)).isOne();
        assertThat(fixtures.count("grades", "graded_by_id", assistant)).isZero();
        assertThat(fixtures.execute("UPDATE grades SET feedback = feedback WHERE id = ? AND graded_by_id IS NULL", grade))
                .as("the grade's graded_by_id is null").isOne();
    }

    @Test
    void deletingAStudentRemovesTheirEnrollmentsAndSubmissions() {
        UUID enrollment = fixtures.enrollment(student, course);
        UUID submission = fixtures.submission(fixtures.assignment(course, 10), student);

        assertThat(users.delete(student)).isTrue();

        assertThat(fixtures.count("enrollments", "id", enrollment)).isZero();
        assertThat(fixtures.count("submissions", "id", submission)).isZero();
    }

    @Test
    void deletingAnAuthorKeepsTheirDiscussionsPostsAndAnnouncements() {
        UUID author = fixtures.instructor();
        UUID discussion = fixtures.discussion(course, author);
        UUID post = fixtures.post(discussion, author, null);
        UUID announcement = fixtures.announcement(course, author);

        assertThat(users.delete(author)).isTrue();

        assertThat(fixtures.count("discussions", "id", discussion)).isOne();
        assertThat(fixtures.count("discussion_posts", "id", post)).isOne();
        assertThat(fixtures.count("announcements", "id", announcement)).isOne();
        assertThat(fixtures.count("discussion_posts", "author_id", author)).isZero();
    }

    private static String sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
