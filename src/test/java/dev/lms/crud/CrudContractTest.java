package dev.lms.crud;

import static dev.lms.testing.Problems.invalid;
import static dev.lms.testing.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.lms.testing.Api;
import dev.lms.testing.Fixtures;
import dev.lms.testing.Links;
import dev.lms.testing.Statements;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hibernate.SessionFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract the ten API resources share, written once and run for each of them: a create answers 201 with its
 * Location and version, reads give the version as ETag, ids are UUIDs, lists are paged and cheap, bad list parameters
 * and read-only fields are refused, a patch is validated after merging, a stale ETag changes nothing, and a delete is
 * one statement whatever depends on the row. What only one resource does stays in its own {@code *ResourceTest}.
 */
@QuarkusTest
class CrudContractTest {

    /** A row a fixture made, and what reading it shows. */
    record Row(UUID id, Map<String, Object> shows) {}

    /** Makes a row under {@code scope} (a value of the resource's list filter: a course, an instructor...). */
    interface RowFixture {
        Row make(Fixtures fixtures, UUID scope);
    }

    /** A valid full body under {@code scope}: a new row for POST, or a change of any existing one for PUT. */
    interface BodyFixture {
        String make(Fixtures fixtures, UUID scope);
    }

    /** Rows that depend on row {@code id}, made for the delete test, and whether deleting it deletes them. */
    interface DependentsFixture {
        List<Dependent> make(Fixtures fixtures, UUID scope, UUID id);
    }

    record Dependent(String table, UUID id, boolean deleted) {}

    static Dependent gone(String table, UUID id) {
        return new Dependent(table, id, true);
    }

    static Dependent kept(String table, UUID id) {
        return new Dependent(table, id, false);
    }

    /** A list parameter the API refuses with a 400 naming {@code field} (or a plain 400 when it is null). */
    record BadParameter(String name, String value, String field) {}

    /**
     * One resource, as the contract sees it.
     *
     * @param path the collection
     * @param table where its rows are
     * @param filter the list filter the rows of one scope share (null: users, whose list is not scoped)
     * @param scope makes a fresh value of that filter
     * @param row makes a row under a scope
     * @param body makes a valid full body under a scope
     * @param dependents makes what depends on a row, and says what a delete does to it
     * @param malformedId an id that is not a UUID
     * @param refused read-only and unknown fields: sent with the value {@code refusedAs}, each is a 400
     * @param invalidPatches merge patches that leave the row invalid, and the field each 400 names
     * @param badListParameters list parameters that are a 400
     */
    record Resource(
            String name,
            String path,
            String table,
            String filter,
            Function<Fixtures, UUID> scope,
            RowFixture row,
            BodyFixture body,
            DependentsFixture dependents,
            String malformedId,
            List<String> refused,
            String refusedAs,
            Map<String, String> invalidPatches,
            List<BadParameter> badListParameters) {

        String item(Object id) {
            return path + "/" + id;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Resource> resources() {
        return Stream.of(
                new Resource(
                        "users",
                        "/api/v1/users",
                        "users",
                        null,
                        fixtures -> null,
                        (fixtures, none) -> new Row(fixtures.user("ADMIN"), Map.of("role", "ADMIN")),
                        (fixtures, none) -> """
                                {"email": "%s@example.org", "name": "Mine", "role": "STUDENT"}
                                """.formatted(Fixtures.unique("ada")),
                        (fixtures, none, user) -> List.of(),
                        "42",
                        List.of("id", "createdAt", "updatedAt", "version", "passwordHash", "nickname"),
                        "0",
                        Map.of(
                                "{\"name\": null}", "name",
                                "{\"email\": \"nope\"}", "email",
                                "{\"version\": 7}", "version"),
                        List.of(
                                new BadParameter("sort", "passwordHash", "sort"),
                                new BadParameter("size", "101", "size"),
                                new BadParameter("page", "0", "page"),
                                new BadParameter("role", "KING", "role"))),
                new Resource(
                        "courses",
                        "/api/v1/courses",
                        "courses",
                        "instructorId",
                        Fixtures::instructor,
                        (fixtures, instructor) ->
                                new Row(fixtures.course(instructor), Map.of("instructorId", instructor.toString())),
                        (fixtures, instructor) -> """
                                {"code": "%s", "title": "Mine", "description": "Intro", "semester": "2026-FALL",
                                 "active": true, "thumbnailUrl": "https://img.example.org/c.png", "instructorId": "%s"}
                                """.formatted(Fixtures.unique("CS"), instructor),
                        (fixtures, instructor, course) ->
                                List.of(gone("enrollments", fixtures.enrollment(fixtures.student(), course))),
                        "CS101",
                        List.of("id", "createdAt", "updatedAt", "version", "instructor", "enrollments"),
                        "1",
                        Map.of(
                                "{\"title\": null}",
                                "title",
                                "{\"thumbnailUrl\": \"file:///etc/passwd\"}",
                                "thumbnailUrl",
                                "{\"instructorId\": null}",
                                "instructorId",
                                "{\"id\": \"" + UUID.randomUUID() + "\"}",
                                "id"),
                        List.of(
                                new BadParameter("sort", "instructor.passwordHash", "sort"),
                                new BadParameter("active", "yes", "active"),
                                new BadParameter("instructorId", "me", "instructorId"),
                                new BadParameter("size", "101", "size"),
                                new BadParameter("size", "ten", null))),
                new Resource(
                        "enrollments",
                        "/api/v1/enrollments",
                        "enrollments",
                        "courseId",
                        CrudContractTest::course,
                        (fixtures, course) -> {
                            UUID student = fixtures.student();
                            return new Row(
                                    fixtures.enrollment(student, course),
                                    Map.of("userId", student.toString(), "courseId", course.toString()));
                        },
                        (fixtures, course) ->
                                "{\"userId\": \"%s\", \"courseId\": \"%s\"}".formatted(fixtures.student(), course),
                        (fixtures, course, enrollment) ->
                                List.of(kept("submissions", fixtures.submission(fixtures.assignment(course, 10), (UUID)
                                        fixtures.row("enrollments", enrollment).get("user_id")))),
                        "first",
                        List.of("id", "enrolledAt", "createdAt", "version", "role"),
                        "2026-01-01T00:00:00Z",
                        Map.of(
                                "{\"courseId\": null}", "courseId",
                                "{\"enrolledAt\": \"2020-01-01T00:00:00Z\"}", "enrolledAt"),
                        List.of(
                                new BadParameter("sort", "user.passwordHash", "sort"),
                                new BadParameter("userId", "me", "userId"),
                                new BadParameter("courseId", "CS101", "courseId"),
                                new BadParameter("size", "101", "size"))),
                new Resource(
                        "assignments",
                        "/api/v1/assignments",
                        "assignments",
                        "courseId",
                        CrudContractTest::course,
                        (fixtures, course) -> new Row(
                                fixtures.assignment(course, 10), Map.of("courseId", course.toString(), "points", 10)),
                        (fixtures, course) -> """
                                {"courseId": "%s", "title": "Mine", "description": "Read chapter 1", "dueDate": null,
                                 "points": 20}
                                """.formatted(course),
                        (fixtures, course, assignment) -> {
                            UUID submission = fixtures.submission(assignment, fixtures.student());
                            return List.of(
                                    gone("submissions", submission),
                                    gone("grades", fixtures.grade(submission, fixtures.instructor(), "7")));
                        },
                        "essay",
                        List.of("id", "createdAt", "version", "course", "submissions"),
                        "1",
                        Map.of(
                                "{\"points\": 0}", "points",
                                "{\"points\": null}", "points",
                                "{\"title\": \"\"}", "title",
                                "{\"version\": 7}", "version"),
                        List.of(
                                new BadParameter("dueBefore", "tomorrow", "dueBefore"),
                                new BadParameter("dueAfter", "2026-12-01", "dueAfter"),
                                new BadParameter("courseId", "CS101", "courseId"),
                                new BadParameter("sort", "course.code", "sort"),
                                new BadParameter("size", "0", "size"))),
                new Resource(
                        "submissions",
                        "/api/v1/submissions",
                        "submissions",
                        "assignmentId",
                        fixtures -> fixtures.assignment(course(fixtures), 10),
                        (fixtures, assignment) -> {
                            UUID student = fixtures.student();
                            return new Row(
                                    fixtures.submission(assignment, student),
                                    Map.of("assignmentId", assignment.toString(), "studentId", student.toString()));
                        },
                        (fixtures, assignment) -> {
                            UUID student = fixtures.student();
                            fixtures.enrollment(student, (UUID)
                                    fixtures.row("assignments", assignment).get("course_id"));
                            return """
                                    {"assignmentId": "%s", "studentId": "%s", "content": "Mine", "fileUrl": null}
                                    """.formatted(assignment, student);
                        },
                        (fixtures, assignment, submission) ->
                                List.of(gone("grades", fixtures.grade(submission, fixtures.instructor(), "9"))),
                        "latest",
                        List.of("id", "submittedAt", "updatedAt", "version", "grade"),
                        "2026-01-01T00:00:00Z",
                        Map.of(
                                "{\"fileUrl\": \"javascript:alert(1)\"}", "fileUrl",
                                "{\"studentId\": null}", "studentId",
                                "{\"submittedAt\": \"2020-01-01T00:00:00Z\"}", "submittedAt"),
                        List.of(
                                new BadParameter("sort", "student.name", "sort"),
                                new BadParameter("studentId", "me", "studentId"),
                                new BadParameter("assignmentId", "1", "assignmentId"))),
                new Resource(
                        "grades",
                        "/api/v1/grades",
                        "grades",
                        "gradedById",
                        Fixtures::instructor,
                        (fixtures, grader) -> {
                            UUID submission = submission(fixtures);
                            return new Row(
                                    fixtures.grade(submission, grader, "7.25"),
                                    Map.of(
                                            "score", 7.25f,
                                            "submissionId", submission.toString(),
                                            "gradedById", grader.toString()));
                        },
                        (fixtures, grader) -> """
                                {"submissionId": "%s", "score": 8.5, "feedback": "Well argued", "gradedById": "%s"}
                                """.formatted(submission(fixtures), grader),
                        (fixtures, grader, grade) -> List.of(kept("submissions", (UUID)
                                fixtures.row("grades", grade).get("submission_id"))),
                        "A+",
                        List.of("id", "createdAt", "version", "gradedBy", "points"),
                        "1",
                        Map.of(
                                "{\"score\": -1}", "score",
                                "{\"score\": null}", "score",
                                "{\"submissionId\": null}", "submissionId"),
                        List.of(
                                new BadParameter("sort", "feedback", "sort"),
                                new BadParameter("gradedById", "me", "gradedById"),
                                new BadParameter("submissionId", "1", "submissionId"))),
                new Resource(
                        "discussions",
                        "/api/v1/discussions",
                        "discussions",
                        "courseId",
                        CrudContractTest::course,
                        (fixtures, course) -> {
                            UUID author = fixtures.student();
                            return new Row(
                                    fixtures.discussion(course, author),
                                    Map.of("courseId", course.toString(), "authorId", author.toString()));
                        },
                        (fixtures, course) -> """
                                {"courseId": "%s", "authorId": "%s", "title": "Mine", "content": "Let us talk."}
                                """.formatted(course, fixtures.student()),
                        (fixtures, course, discussion) -> {
                            UUID author = fixtures.student();
                            UUID post = fixtures.post(discussion, author, null);
                            return List.of(
                                    gone("discussion_posts", post),
                                    gone("discussion_posts", fixtures.post(discussion, author, post)));
                        },
                        "week-1",
                        List.of("id", "createdAt", "updatedAt", "version", "course", "posts"),
                        "1",
                        Map.of(
                                "{\"title\": null}", "title",
                                "{\"courseId\": null}", "courseId",
                                "{\"version\": 7}", "version"),
                        List.of(
                                new BadParameter("sort", "author.email", "sort"),
                                new BadParameter("courseId", "CS101", "courseId"),
                                new BadParameter("authorId", "me", "authorId"),
                                new BadParameter("size", "101", "size"))),
                new Resource(
                        "discussion posts",
                        "/api/v1/discussion-posts",
                        "discussion_posts",
                        "discussionId",
                        fixtures -> fixtures.discussion(course(fixtures), fixtures.student()),
                        (fixtures, discussion) -> {
                            UUID author = fixtures.student();
                            return new Row(
                                    fixtures.post(discussion, author, null),
                                    Map.of("discussionId", discussion.toString(), "authorId", author.toString()));
                        },
                        (fixtures, discussion) -> """
                                {"discussionId": "%s", "authorId": "%s", "parentId": null, "content": "Mine"}
                                """.formatted(discussion, fixtures.student()),
                        (fixtures, discussion, post) -> {
                            UUID author = fixtures.student();
                            UUID reply = fixtures.post(discussion, author, post);
                            return List.of(
                                    gone("discussion_posts", reply),
                                    gone("discussion_posts", fixtures.post(discussion, author, reply)),
                                    kept("discussion_posts", fixtures.post(discussion, author, null)));
                        },
                        "first",
                        List.of("id", "createdAt", "updatedAt", "version", "replies", "discussion"),
                        "1",
                        Map.of(
                                "{\"content\": null}", "content",
                                "{\"content\": \"\"}", "content",
                                "{\"discussionId\": null}", "discussionId",
                                "{\"replies\": []}", "replies"),
                        List.of(
                                new BadParameter("discussionId", "week-1", "discussionId"),
                                new BadParameter("parentId", "root", "parentId"),
                                new BadParameter("authorId", "me", "authorId"),
                                new BadParameter("page", "0", "page"))),
                new Resource(
                        "announcements",
                        "/api/v1/announcements",
                        "announcements",
                        "courseId",
                        CrudContractTest::course,
                        (fixtures, course) -> new Row(
                                fixtures.announcement(course, fixtures.instructor()),
                                Map.of("courseId", course.toString())),
                        (fixtures, course) -> """
                                {"courseId": "%s", "authorId": "%s", "title": "Mine", "content": "No class on Monday."}
                                """.formatted(course, fixtures.instructor()),
                        (fixtures, course, announcement) -> List.of(),
                        "latest",
                        List.of("id", "createdAt", "updatedAt", "version", "course", "author"),
                        "1",
                        Map.of(
                                "{\"title\": \" \"}", "title",
                                "{\"courseId\": null}", "courseId"),
                        List.of(
                                new BadParameter("sort", "course.code", "sort"),
                                new BadParameter("courseId", "CS101", "courseId"),
                                new BadParameter("authorId", "me", "authorId"))),
                new Resource(
                        "course content",
                        "/api/v1/course-content",
                        "course_content",
                        "courseId",
                        CrudContractTest::course,
                        (fixtures, course) ->
                                new Row(fixtures.content(course, "SCORM", 2), Map.of("type", "SCORM", "position", 2)),
                        (fixtures, course) -> """
                                {"courseId": "%s", "title": "Mine", "type": "VIDEO", "content": "Watch this first.",
                                 "fileUrl": "https://cdn.example.org/intro.mp4", "position": 3}
                                """.formatted(course),
                        (fixtures, course, item) -> List.of(),
                        "intro",
                        List.of("id", "createdAt", "updatedAt", "version", "course", "order"),
                        "1",
                        Map.of(
                                "{\"position\": -3}", "position",
                                "{\"type\": null}", "type",
                                "{\"type\": \"AUDIO\"}", "type",
                                "{\"fileUrl\": \"file:///etc/passwd\"}", "fileUrl",
                                "{\"title\": null}", "title"),
                        List.of(
                                new BadParameter("type", "PODCAST", "type"),
                                new BadParameter("courseId", "CS101", "courseId"),
                                new BadParameter("sort", "fileUrl", "sort"))));
    }

    static Stream<Resource> scopedResources() {
        return resources().filter(resource -> resource.filter() != null);
    }

    static UUID course(Fixtures fixtures) {
        return fixtures.course(fixtures.instructor());
    }

    /** A submission nobody has graded yet, to an assignment worth 10 points. */
    static UUID submission(Fixtures fixtures) {
        return fixtures.submission(fixtures.assignment(course(fixtures), 10), fixtures.student());
    }

    @Inject
    SessionFactory sessionFactory;

    @Inject
    Fixtures fixtures;

    Row row(Resource resource) {
        return resource.row().make(fixtures, resource.scope().apply(fixtures));
    }

    String body(Resource resource) {
        return resource.body().make(fixtures, resource.scope().apply(fixtures));
    }

    // --- create --------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void creatingAnswers201WithItsLocationVersionAndWhatWasPosted(Resource resource) {
        String body = body(resource);

        Response created = Api.given().body(body).post(resource.path());

        ValidatableResponse answer =
                created.then().statusCode(201).header("ETag", "\"0\"").body("version", equalTo(0));
        JsonPath.from(body).getMap("$").forEach((field, value) -> answer.body((String) field, equalTo(value)));
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith(resource.item(id));
        assertThat(fixtures.count(resource.table(), "id", UUID.fromString(id))).isOne();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void readOnlyAndUnknownFieldsAreRefusedNotIgnored(Resource resource) {
        String valid = body(resource);
        long rows = fixtures.count(resource.table());

        for (String field : resource.refused()) {
            String json = valid.replaceFirst("\\{", "{\"" + field + "\": \"" + resource.refusedAs() + "\", ");

            Api.given().body(json).post(resource.path()).then().spec(invalid(field));
        }

        assertThat(fixtures.count(resource.table())).isEqualTo(rows);
    }

    // --- read ----------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void readingARowGivesItsVersionAsETag(Resource resource) {
        Row row = row(resource);

        ValidatableResponse read = Api.given()
                .get(resource.item(row.id()))
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("id", equalTo(row.id().toString()));
        row.shows().forEach((field, value) -> read.body(field, equalTo(value)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void anUnknownIdIs404AndAMalformedOneIs400(Resource resource) {
        Api.given().get(resource.item(UUID.randomUUID())).then().spec(problem(404));
        Api.given().get(resource.item(resource.malformedId())).then().spec(invalid("id"));
    }

    // --- list ----------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("scopedResources")
    void listsArePagedWithLinkAndTotalCountHeaders(Resource resource) {
        UUID scope = resource.scope().apply(fixtures);
        for (int i = 0; i < 3; i++) {
            resource.row().make(fixtures, scope);
        }

        Response first = Api.given()
                .queryParam(resource.filter(), scope)
                .queryParam("size", 2)
                .get(resource.path());
        Response last = Api.given()
                .queryParam(resource.filter(), scope)
                .queryParam("size", 2)
                .queryParam("page", 2)
                .get(resource.path());

        first.then().statusCode(200).header("X-Total-Count", "3").body("$", hasSize(2));
        assertThat(Links.of(first)).isEqualTo(Map.of("first", "page=1", "next", "page=2", "last", "page=2"));
        last.then().statusCode(200).header("X-Total-Count", "3").body("$", hasSize(1));
        assertThat(Links.of(last)).isEqualTo(Map.of("first", "page=1", "prev", "page=1", "last", "page=2"));
        assertThat(first.header("Link"))
                .contains(resource.filter() + "=" + scope)
                .contains("size=2");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void badListParametersAre400(Resource resource) {
        for (BadParameter bad : resource.badListParameters()) {
            Api.given()
                    .queryParam(bad.name(), bad.value())
                    .get(resource.path())
                    .then()
                    .spec(bad.field() == null ? problem(400) : invalid(bad.field()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void aListTakesAtMostTwoStatementsWhateverItsSize(Resource resource) {
        for (int i = 0; i < 3; i++) {
            row(resource);
        }
        for (int size : new int[] {1, 100}) {
            long statements = Statements.during(
                    sessionFactory,
                    () -> Api.given()
                            .queryParam("size", size)
                            .get(resource.path())
                            .then()
                            .statusCode(200));
            assertThat(statements).as("statements for size=%d", size).isLessThanOrEqualTo(2);
        }
    }

    // --- patch ---------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void aPatchIsValidatedAfterMerging(Resource resource) {
        UUID id = row(resource).id();
        Map<String, Object> before = fixtures.row(resource.table(), id);

        resource.invalidPatches()
                .forEach((patch, field) -> Api.given()
                        .contentType(Api.MERGE_PATCH)
                        .body(patch)
                        .patch(resource.item(id))
                        .then()
                        .spec(invalid(field)));

        assertThat(fixtures.row(resource.table(), id)).isEqualTo(before);
    }

    // --- If-Match ------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void writesWithAStaleETagAre412AndChangeNothing(Resource resource) {
        UUID scope = resource.scope().apply(fixtures);
        UUID id = resource.row().make(fixtures, scope).id();
        String someoneElses = resource.body().make(fixtures, scope);
        String mine = resource.body().make(fixtures, scope);
        Api.given()
                .body(someoneElses)
                .put(resource.item(id))
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"");
        Map<String, Object> before = fixtures.row(resource.table(), id);

        Api.given()
                .header("If-Match", "\"0\"")
                .body(mine)
                .put(resource.item(id))
                .then()
                .spec(problem(412));
        Api.given()
                .header("If-Match", "\"0\"")
                .contentType(Api.MERGE_PATCH)
                .body(mine)
                .patch(resource.item(id))
                .then()
                .spec(problem(412));
        Api.given().header("If-Match", "\"0\"").delete(resource.item(id)).then().spec(problem(412));

        assertThat(fixtures.row(resource.table(), id)).isEqualTo(before);

        Api.given().header("If-Match", "\"1\"").delete(resource.item(id)).then().statusCode(204);
    }

    // --- delete --------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void deletingAnswers204InOneStatementAndCascadesAsTheSchemaSays(Resource resource) {
        UUID scope = resource.scope().apply(fixtures);
        UUID id = resource.row().make(fixtures, scope).id();
        List<Dependent> dependents = resource.dependents().make(fixtures, scope, id);

        long statements = Statements.during(
                sessionFactory,
                () -> Api.given().delete(resource.item(id)).then().statusCode(204));

        assertThat(statements).isOne();
        assertThat(fixtures.count(resource.table(), "id", id)).isZero();
        for (Dependent dependent : dependents) {
            assertThat(fixtures.count(dependent.table(), "id", dependent.id()))
                    .as("%s", dependent)
                    .isEqualTo(dependent.deleted() ? 0 : 1);
        }
        Api.given().get(resource.item(id)).then().spec(problem(404));
        Api.given().delete(resource.item(id)).then().spec(problem(404));
    }
}
