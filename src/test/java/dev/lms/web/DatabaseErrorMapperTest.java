package dev.lms.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.lms.access.UserRole;
import dev.lms.course.Course;
import dev.lms.testing.Fixtures;
import dev.lms.user.User;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The database's constraints are the truth: writes that skip every Java check (as a race would) still come back as
 * the problem the feature declared, never as a 500 or with PostgreSQL's own words.
 */
@QuarkusTest
class DatabaseErrorMapperTest {

    @Inject
    DatabaseErrorMapper mapper;

    @Inject
    Fixtures fixtures;

    @Test
    void aReferenceToAMissingRowIs422OnItsField() {
        Problem problem = problemFrom(() -> {
            Course course = new Course();
            course.code = Fixtures.unique("CS");
            course.title = "Orphan";
            course.instructor = Panache.getEntityManager().getReference(User.class, UUID.randomUUID());
            course.persistAndFlush();
        });

        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly("instructorId");
    }

    @Test
    void deletingARowThatRestrictKeepsIs409WithTheFeaturesMessage() {
        UUID instructor = fixtures.instructor();
        fixtures.course(instructor);

        Problem problem = problemFrom(() -> User.delete("id", instructor));

        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.detail()).contains("still teaches");
        assertThat(fixtures.count("users", "id", instructor)).isOne();
    }

    @Test
    void aDuplicateIs409OnItsField() {
        String email = Fixtures.unique("dup") + "@example.org";
        fixtures.user("STUDENT", email);

        Problem problem = problemFrom(() -> {
            User user = new User();
            user.email = email.toUpperCase();
            user.name = "Twin";
            user.role = UserRole.STUDENT;
            user.persistAndFlush();
        });

        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly("email");
    }

    @Test
    void aCheckConstraintThatBeanValidationMissedIs400OnItsField() {
        UUID instructor = fixtures.instructor();

        Problem problem = problemFrom(() -> {
            Course course = new Course();
            course.code = Fixtures.unique("CS");
            course.title = "T";
            course.thumbnailUrl = "ftp://example.org/x.png";
            course.instructor = User.findById(instructor);
            course.persistAndFlush();
        });

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly("thumbnailUrl");
    }

    @Test
    void aConstraintNoFeatureDescribesStillGetsItsStatusAndNoInternals() throws Exception {
        UUID instructor = fixtures.instructor();
        UUID course = fixtures.course(instructor);
        UUID assignment = fixtures.assignment(course, 10);

        Problem problem = problemFrom(() -> Panache.getEntityManager()
                .createNativeQuery("UPDATE assignments SET points = 0 WHERE id = :id")
                .setParameter("id", assignment)
                .executeUpdate());

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.detail())
                .doesNotContain("assignments_points_positive")
                .doesNotContain("UPDATE");
    }

    @Test
    void aWriteThatLostARaceIs409WithoutIfMatchAnd412WithIt() {
        UUID student = fixtures.student();

        Throwable failure =
                catchThrowable(() -> QuarkusTransaction.requiringNew().run(() -> {
                    User user = User.findById(student);
                    // Another request commits an update between this read and this write.
                    QuarkusTransaction.requiringNew()
                            .run(() -> Panache.getEntityManager()
                                    .createNativeQuery(
                                            "UPDATE users SET name = 'Other', version = version + 1 WHERE id = :id")
                                    .setParameter("id", student)
                                    .executeUpdate());
                    user.name = "Mine";
                    user.flush();
                }));

        assertThat(mapper.problemFor(failure, false))
                .get()
                .extracting(Problem::status)
                .isEqualTo(409);
        assertThat(mapper.problemFor(failure, true))
                .get()
                .extracting(Problem::status)
                .isEqualTo(412);
        assertThat(fixtures.row("users", student)).containsEntry("name", "Other");
    }

    private Problem problemFrom(Runnable write) {
        Throwable failure =
                catchThrowable(() -> QuarkusTransaction.requiringNew().run(write));
        assertThat(failure).as("the write was refused").isNotNull();
        return mapper.problemFor(failure, false).orElseThrow(() -> new AssertionError("not translated", failure));
    }
}
