package dev.lms.crud;

import static dev.lms.testing.Problems.invalid;
import static dev.lms.testing.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;

import dev.lms.testing.Api;
import dev.lms.testing.Fixtures;
import dev.lms.testing.Links;
import dev.lms.testing.Statements;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hibernate.SessionFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract of the five lists nested under their parent ({@code /courses/{id}/assignments}, ...), written once: paged
 * like any list, 404 for a parent that does not exist or that the caller may not see, 400 for a malformed one, and at
 * most two statements whatever the size, the outcome or the caller. Each list's own order stays in its
 * {@code *ResourceTest}.
 */
@QuarkusTest
class NestedListContractTest {

    /**
     * One nested list.
     *
     * @param template the list's path, with {@code %s} for the parent's id
     * @param parameter the path parameter a malformed id is refused on
     * @param parent makes a parent with no children
     * @param child makes a child under a parent, and returns its id
     * @param member makes a STUDENT who may read the parent
     * @param memberSees how many of the parent's children (one from {@code child}) that student sees
     */
    record Nested(
            String name,
            String template,
            String parameter,
            Function<Fixtures, UUID> parent,
            BiFunction<Fixtures, UUID, UUID> child,
            BiFunction<Fixtures, UUID, UUID> member,
            int memberSees) {

        String of(Object parentId) {
            return template.formatted(parentId);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Nested> lists() {
        Function<Fixtures, UUID> course = fixtures -> fixtures.course(fixtures.instructor());
        BiFunction<Fixtures, UUID, UUID> enrolledInCourse = (fixtures, courseId) -> {
            UUID student = fixtures.student();
            fixtures.enrollment(student, courseId);
            return student;
        };
        return Stream.of(
                new Nested(
                        "assignments of a course",
                        "/api/v1/courses/%s/assignments",
                        "id",
                        course,
                        (fixtures, courseId) -> fixtures.assignment(courseId, 10),
                        enrolledInCourse,
                        1),
                new Nested(
                        "enrollments of a course",
                        "/api/v1/courses/%s/enrollments",
                        "id",
                        course,
                        (fixtures, courseId) -> fixtures.enrollment(fixtures.student(), courseId),
                        enrolledInCourse,
                        1), // their own; no roster
                new Nested(
                        "submissions of an assignment",
                        "/api/v1/assignments/%s/submissions",
                        "id",
                        fixtures -> fixtures.assignment(course.apply(fixtures), 10),
                        (fixtures, assignmentId) -> fixtures.submission(assignmentId, fixtures.student()),
                        (fixtures, assignmentId) -> enrolledInCourse.apply(fixtures, (UUID)
                                fixtures.row("assignments", assignmentId).get("course_id")),
                        0), // only their own work
                new Nested(
                        "announcements of a course",
                        "/api/v1/courses/%s/announcements",
                        "courseId",
                        course,
                        (fixtures, courseId) -> fixtures.announcement(courseId, null),
                        enrolledInCourse,
                        1),
                new Nested(
                        "content of a course",
                        "/api/v1/courses/%s/content",
                        "courseId",
                        course,
                        (fixtures, courseId) -> fixtures.content(courseId, "TEXT", 0),
                        enrolledInCourse,
                        1));
    }

    @Inject
    SessionFactory sessionFactory;

    @Inject
    Fixtures fixtures;

    @ParameterizedTest(name = "{0}")
    @MethodSource("lists")
    void aNestedListIsPagedLikeAnyList(Nested list) {
        UUID parent = list.parent().apply(fixtures);
        UUID first = list.child().apply(fixtures, parent);
        UUID second = list.child().apply(fixtures, parent);
        list.child().apply(fixtures, list.parent().apply(fixtures));

        Response page1 = Api.given().queryParam("size", 1).get(list.of(parent));
        Response page2 = Api.given().queryParam("size", 1).queryParam("page", 2).get(list.of(parent));

        page1.then().statusCode(200).header("X-Total-Count", "2").body("$", hasSize(1));
        assertThat(Links.of(page1)).isEqualTo(Map.of("first", "page=1", "next", "page=2", "last", "page=2"));
        page2.then().statusCode(200).header("X-Total-Count", "2").body("$", hasSize(1));
        assertThat(Links.of(page2)).isEqualTo(Map.of("first", "page=1", "prev", "page=1", "last", "page=2"));
        List<String> ids = new ArrayList<>(page1.jsonPath().getList("id"));
        ids.addAll(page2.jsonPath().getList("id"));
        assertThat(ids).containsExactlyInAnyOrder(first.toString(), second.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lists")
    void anEmptyParentHasAnEmptyListAnUnknownOneIs404AndAMalformedOneIs400(Nested list) {
        UUID parent = list.parent().apply(fixtures);

        Api.given()
                .get(list.of(parent))
                .then()
                .statusCode(200)
                .header("X-Total-Count", "0")
                .body("$", hasSize(0));
        Api.given().get(list.of(UUID.randomUUID())).then().spec(problem(404));
        Api.given().get(list.of("CS101")).then().spec(invalid(list.parameter()));
        Api.given().queryParam("sort", "nothing").get(list.of(parent)).then().spec(invalid("sort"));
        Api.given().queryParam("page", 0).get(list.of(parent)).then().spec(invalid("page"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lists")
    void aNestedListTakesAtMostTwoStatementsWhateverTheSizeOrOutcome(Nested list) {
        UUID parent = list.parent().apply(fixtures);
        for (int i = 0; i < 3; i++) {
            list.child().apply(fixtures, parent);
        }
        UUID empty = list.parent().apply(fixtures);
        for (int size : new int[] {1, 100}) {
            for (UUID parentId : List.of(parent, empty, UUID.randomUUID())) {
                long statements = Statements.during(
                        sessionFactory,
                        () -> Api.given().queryParam("size", size).get(list.of(parentId)));
                assertThat(statements)
                        .as("statements for size=%d, parent %s", size, parentId)
                        .isLessThanOrEqualTo(2);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lists")
    void aParentsMemberReadsTheListAndAStrangerGets404WithinTheSameTwoStatements(Nested list) {
        UUID parent = list.parent().apply(fixtures);
        list.child().apply(fixtures, parent);
        UUID member = list.member().apply(fixtures, parent);
        UUID stranger = fixtures.student();

        long read = Statements.during(
                sessionFactory,
                () -> Api.as(member, "STUDENT")
                        .get(list.of(parent))
                        .then()
                        .statusCode(200)
                        .body("$", hasSize(list.memberSees())));
        long refused = Statements.during(
                sessionFactory,
                () -> Api.as(stranger, "STUDENT").get(list.of(parent)).then().spec(problem(404)));

        assertThat(read).isLessThanOrEqualTo(2);
        assertThat(refused).isLessThanOrEqualTo(2);
    }
}
