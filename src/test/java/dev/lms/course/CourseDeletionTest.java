package dev.lms.course;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lms.testing.Api;
import dev.lms.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CourseDeletionTest {

    @Inject
    SessionFactory sessionFactory;

    @Inject
    Fixtures fixtures;

    @Test
    void deletingACourseRemovesEverythingThatBelongsToIt() {
        UUID instructor = fixtures.instructor();
        UUID student = fixtures.student();
        UUID course = fixtures.course(instructor);
        UUID otherCourse = fixtures.course(instructor);
        UUID otherEnrollment = fixtures.enrollment(student, otherCourse);

        UUID enrollment = fixtures.enrollment(student, course);
        UUID assignment = fixtures.assignment(course, 10);
        UUID submission = fixtures.submission(assignment, student);
        UUID grade = fixtures.grade(submission, instructor, "9.5");
        UUID discussion = fixtures.discussion(course, student);
        UUID post = fixtures.post(discussion, student, null);
        UUID reply = fixtures.post(discussion, instructor, post);
        UUID announcement = fixtures.announcement(course, instructor);
        UUID content = fixtures.content(course, "VIDEO", 0);

        deleteCourse(course).then().statusCode(204);

        assertThat(fixtures.count("courses", "id", course)).isZero();
        assertThat(fixtures.count("enrollments", "id", enrollment)).isZero();
        assertThat(fixtures.count("assignments", "id", assignment)).isZero();
        assertThat(fixtures.count("submissions", "id", submission)).isZero();
        assertThat(fixtures.count("grades", "id", grade)).isZero();
        assertThat(fixtures.count("discussions", "id", discussion)).isZero();
        assertThat(fixtures.count("discussion_posts", "id", post)).isZero();
        assertThat(fixtures.count("discussion_posts", "id", reply)).isZero();
        assertThat(fixtures.count("announcements", "id", announcement)).isZero();
        assertThat(fixtures.count("course_content", "id", content)).isZero();

        assertThat(fixtures.count("users", "id", student)).isOne();
        assertThat(fixtures.count("users", "id", instructor)).isOne();
        assertThat(fixtures.count("enrollments", "id", otherEnrollment)).isOne();
    }

    @Test
    void deletingACourseWithThousandsOfDependentRowsIsOneStatement() throws SQLException {
        UUID instructor = fixtures.instructor();
        UUID course = fixtures.course(instructor);
        String students = Fixtures.unique("bulk");
        fixtures.execute("""
                INSERT INTO users (email, name, role)
                SELECT ? || '-' || n || '@example.org', 'Student ' || n, 'STUDENT' FROM generate_series(1, 1000) n
                """, students);
        fixtures.execute("""
                INSERT INTO enrollments (user_id, course_id)
                SELECT id, ? FROM users WHERE email LIKE ? || '-%'
                """, course, students);
        fixtures.execute("""
                INSERT INTO assignments (title, points, course_id) SELECT 'Assignment ' || n, 100, ? FROM generate_series(1, 20) n
                """, course);
        fixtures.execute("""
                INSERT INTO submissions (content, assignment_id, student_id)
                SELECT 'answer', a.id, s.id
                  FROM assignments a
                 CROSS JOIN (SELECT id FROM users WHERE email LIKE ? || '-%' ORDER BY email LIMIT 50) s
                 WHERE a.course_id = ?
                """, students, course);
        fixtures.execute("""
                INSERT INTO grades (score, submission_id, graded_by_id)
                SELECT 80, s.id, ? FROM submissions s JOIN assignments a ON a.id = s.assignment_id WHERE a.course_id = ?
                """, instructor, course);
        assertThat(fixtures.count("enrollments", "course_id", course)).isEqualTo(1000);
        assertThat(fixtures.count("grades", "graded_by_id", instructor)).isEqualTo(1000);

        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();

        deleteCourse(course).then().statusCode(204);

        assertThat(statistics.getPrepareStatementCount())
                .as("JDBC statements issued for the DELETE request")
                .isEqualTo(1);
        assertThat(statistics.getEntityLoadCount()).as("entities loaded").isZero();
        assertThat(fixtures.count("enrollments", "course_id", course)).isZero();
        assertThat(fixtures.count("assignments", "course_id", course)).isZero();
        assertThat(fixtures.count("grades", "graded_by_id", instructor)).isZero();
    }

    @Test
    void deletingACourseThatDoesNotExistIs404() {
        deleteCourse(UUID.randomUUID()).then().statusCode(404);
    }

    /** As an ADMIN, through the API: the path an operator's delete takes. */
    private static Response deleteCourse(UUID id) {
        return Api.given().delete("/api/v1/courses/" + id);
    }
}
