package dev.lms.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lms.auth.RegisteredUsers;
import dev.lms.testing.Api;
import dev.lms.testing.Fixtures;
import dev.lms.testing.Statements;
import dev.lms.testing.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SQL each read costs, counted by PostgreSQL itself (pg_stat_statements), so that statements outside Hibernate
 * count too: every list (a full first page, so that its count runs), nested read and the thread takes at most two
 * statements of its own, scope checks included, for an ADMIN, the course's INSTRUCTOR and an enrolled STUDENT alike;
 * authentication adds one when the caller's state is not cached, and none when it is.
 */
@QuarkusTest
class StatementBudgetTest {

    @Inject
    SessionFactory sessionFactory;

    @Inject
    MeterRegistry registry;

    @Inject
    Fixtures fixtures;

    UUID instructor;
    UUID student;
    Map<String, String> reads;

    @BeforeEach
    void arrange() {
        Assumptions.assumeTrue(
                TestDatabase.isEmbedded(), "pg_stat_statements is preloaded by the embedded server only");
        // Api.given() creates the ADMIN the reads below call as, the first time a test needs one.
        Api.given().get("/api/v1/users/me").then().statusCode(200);
        instructor = fixtures.instructor();
        student = fixtures.student();
        UUID classmate = fixtures.student();
        UUID course = fixtures.course(instructor);
        fixtures.enrollment(student, course);
        fixtures.enrollment(classmate, course);
        UUID assignment = fixtures.assignment(course, 10);
        fixtures.grade(fixtures.submission(assignment, student), instructor, "7");
        fixtures.grade(fixtures.submission(assignment, classmate), instructor, "8");
        UUID discussion = fixtures.discussion(course, instructor);
        UUID post = fixtures.post(discussion, student, null);
        fixtures.post(discussion, instructor, post);
        fixtures.discussion(course, student);
        fixtures.announcement(course, instructor);
        fixtures.announcement(course, instructor);
        fixtures.content(course, "TEXT", 0);
        fixtures.content(course, "TEXT", 1);

        reads = new LinkedHashMap<>();
        for (String list : new String[] {
            "users",
            "courses",
            "enrollments",
            "assignments",
            "submissions",
            "grades",
            "discussions",
            "discussion-posts",
            "announcements",
            "course-content"
        }) {
            reads.put("list of " + list, "/api/v1/" + list + "?size=1");
        }
        reads.put("a course's enrollments", "/api/v1/courses/" + course + "/enrollments?size=1");
        reads.put("a course's assignments", "/api/v1/courses/" + course + "/assignments?size=1");
        reads.put("a course's announcements", "/api/v1/courses/" + course + "/announcements?size=1");
        reads.put("a course's content", "/api/v1/courses/" + course + "/content?size=1");
        reads.put("an assignment's submissions", "/api/v1/assignments/" + assignment + "/submissions?size=1");
        reads.put("the thread", "/api/v1/discussions/" + discussion + "/posts");
    }

    /**
     * Authentication's statement is the user-state cache's load: the count outside Hibernate must equal the loads
     * during the request, at most one. (Which requests find the state cached depends on its 1 s TTL, so the test does
     * not predict it; {@link #authenticationAddsNoStatementWhenTheCallersStateIsCached} shows a cached one.)
     */
    @Test
    void everyListNestedReadAndTheThreadTakeAtMostTwoStatementsOfTheirOwn() {
        for (var caller : Map.of("ADMIN", Api.ADMIN, "INSTRUCTOR", instructor, "STUDENT", student)
                .entrySet()) {
            reads.forEach((read, path) -> {
                double loadsBefore = userStateLoads();
                Statements.Counts counts = Statements.counted(
                        sessionFactory,
                        () -> Api.as(caller.getValue(), caller.getKey())
                                .get(path)
                                .then()
                                .statusCode(200));
                long loads = Math.round(userStateLoads() - loadsBefore);
                assertThat(counts.hibernate())
                        .as("%s as %s: %s", read, caller.getKey(), counts.ran())
                        .isLessThanOrEqualTo(2);
                assertThat(counts.outsideHibernate())
                        .as(
                                "%s as %s: statements outside Hibernate, all of them authentication's: %s",
                                read, caller.getKey(), counts.ran())
                        .isEqualTo(loads)
                        .isLessThanOrEqualTo(1);
            });
        }
    }

    @Test
    void authenticationAddsNoStatementWhenTheCallersStateIsCached() {
        // Retried only because a loaded machine may take longer than the 1 s TTL between the two requests.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Api.as(student, "STUDENT").get("/api/v1/users/me").then().statusCode(200);
            Statements.Counts counts = Statements.counted(
                    sessionFactory,
                    () -> Api.as(student, "STUDENT")
                            .get("/api/v1/courses?size=1")
                            .then()
                            .statusCode(200));
            assertThat(counts.outsideHibernate()).isZero();
        });
    }

    @Test
    void authenticationAddsOneStatementWhenTheCallersStateIsNotCached() {
        UUID newcomer = fixtures.student();

        Statements.Counts counts = Statements.counted(
                sessionFactory,
                () -> Api.as(newcomer, "STUDENT")
                        .get("/api/v1/courses?size=1")
                        .then()
                        .statusCode(200));

        assertThat(counts.outsideHibernate()).isOne();
        assertThat(counts.hibernate()).isLessThanOrEqualTo(2);
    }

    /**
     * How many times the token's user has been read from the database: the user-state cache's loads, which Micrometer
     * reports as {@code cache.puts} for a cache that loads through {@code get(key, loader)}.
     */
    private double userStateLoads() {
        return registry.get("cache.puts")
                .tags("cache", RegisteredUsers.CACHE)
                .functionCounter()
                .count();
    }
}
