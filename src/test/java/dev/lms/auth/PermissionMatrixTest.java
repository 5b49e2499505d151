package dev.lms.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lms.testing.Api;
import dev.lms.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The permission table of the README, cell by cell: each (resource, operation, caller) runs against a fresh
 * {@link Arrangement} and must answer what the cell says. A refused write must leave the target row as it was.
 * <p>
 * To cover a new resource: add its rows to the README's table, and its operations to {@link #OPERATIONS}.
 */
@QuarkusTest
class PermissionMatrixTest {

    static final Path TABLE = Path.of("README.md");
    static final List<String> CALLERS = List.of(
            "admin",
            "instructor of the course",
            "instructor of another course",
            "enrolled student",
            "another student",
            "student enrolled nowhere",
            "anonymous");

    @Inject
    DataSource dataSource;

    /**
     * A course taught by {@code instructor} with {@code student} enrolled; another course taught by
     * {@code otherInstructor} with {@code otherStudent} enrolled; {@code loner}, a student enrolled nowhere. In the
     * course: {@code student}'s {@code enrollment}, and an {@code assignment} with their {@code submission}, not
     * graded. Their graded work ({@link #gradedSubmission()}, {@link #grade()}) is made by the rows that use it, so
     * that everywhere else the course has one assignment and the nested lists hold exactly the target. Also in the
     * course: a discussion the instructor started and one the student started; in the first, a post by the student
     * and one by the instructor; an announcement by the instructor; a content item.
     */
    record Arrangement(
            Fixtures fixtures,
            UUID instructor,
            UUID otherInstructor,
            UUID student,
            UUID otherStudent,
            UUID course,
            UUID otherCourse,
            UUID loner,
            UUID enrollment,
            UUID assignment,
            UUID submission,
            UUID discussion,
            UUID studentsDiscussion,
            UUID post,
            UUID instructorsPost,
            UUID announcement,
            UUID content,
            Map<String, UUID> graded) {

        static Arrangement create(Fixtures fixtures) {
            UUID instructor = fixtures.instructor();
            UUID otherInstructor = fixtures.instructor();
            UUID student = fixtures.student();
            try {
                fixtures.execute("UPDATE users SET password_hash = ? WHERE id = ?", STUDENT_PASSWORD_HASH, student);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            UUID otherStudent = fixtures.student();
            UUID course = fixtures.course(instructor);
            UUID otherCourse = fixtures.course(otherInstructor);
            UUID enrollment = fixtures.enrollment(student, course);
            fixtures.enrollment(otherStudent, otherCourse);
            UUID assignment = fixtures.assignment(course, 10);
            UUID discussion = fixtures.discussion(course, instructor);
            return new Arrangement(
                    fixtures,
                    instructor,
                    otherInstructor,
                    student,
                    otherStudent,
                    course,
                    otherCourse,
                    fixtures.student(),
                    enrollment,
                    assignment,
                    fixtures.submission(assignment, student),
                    discussion,
                    fixtures.discussion(course, student),
                    fixtures.post(discussion, student, null),
                    fixtures.post(discussion, instructor, null),
                    fixtures.announcement(course, instructor),
                    fixtures.content(course, "TEXT", 0),
                    new HashMap<>());
        }

        /** {@code student}'s submission to a second assignment of the course, graded by {@code instructor}. */
        UUID gradedSubmission() {
            if (!graded.containsKey("submission")) {
                UUID submission = fixtures.submission(fixtures.assignment(course, 10), student);
                graded.put("submission", submission);
                graded.put("grade", fixtures.grade(submission, instructor, "8.00"));
            }
            return graded.get("submission");
        }

        UUID grade() {
            gradedSubmission();
            return graded.get("grade");
        }

        RequestSpecification as(String caller) {
            return switch (caller) {
                case "admin" -> Api.given();
                case "instructor of the course" -> Api.as(instructor, "INSTRUCTOR");
                case "instructor of another course" -> Api.as(otherInstructor, "INSTRUCTOR");
                case "enrolled student" -> Api.as(student, "STUDENT");
                case "another student" -> Api.as(otherStudent, "STUDENT");
                case "student enrolled nowhere" -> Api.as(loner, "STUDENT");
                case "anonymous" -> Api.anonymous();
                default -> throw new IllegalArgumentException("No caller called '" + caller + "' in the table");
            };
        }

        /** The caller's own id, for operations whose body names the caller; the instructor of the course for others. */
        UUID idOf(String caller) {
            return switch (caller) {
                case "instructor of another course" -> otherInstructor;
                case "enrolled student" -> student;
                case "another student" -> otherStudent;
                case "student enrolled nowhere" -> loner;
                default -> instructor;
            };
        }

        Object column(String table, UUID id, String column) {
            return fixtures.row(table, id).get(column);
        }
    }

    /**
     * What an operation does, and to which row. A list operation names the target its request should (or should
     * not) return, narrowed by a filter so that {@code X-Total-Count} is 1 or 0.
     */
    record Operation(String table, java.util.function.Function<Arrangement, UUID> target, Request request) {}

    interface Request {
        Response send(Arrangement arrangement, String caller, RequestSpecification as);
    }

    static final String USERS = "/api/v1/users";
    static final String COURSES = "/api/v1/courses";
    static final String ENROLLMENTS = "/api/v1/enrollments";
    static final String ASSIGNMENTS = "/api/v1/assignments";
    static final String SUBMISSIONS = "/api/v1/submissions";
    static final String GRADES = "/api/v1/grades";
    static final String DISCUSSIONS = "/api/v1/discussions";
    static final String POSTS = "/api/v1/discussion-posts";
    static final String ANNOUNCEMENTS = "/api/v1/announcements";
    static final String CONTENT = "/api/v1/course-content";

    /** The enrolled student's password, which they must give to change it. */
    static final String STUDENT_PASSWORD = "the student's password";

    static final String STUDENT_PASSWORD_HASH = Fixtures.passwordHash(STUDENT_PASSWORD);

    static final Map<String, Map<String, Operation>> OPERATIONS = Map.of(
            "users",
                    merged(
                            Map.of(
                                    "list",
                                            new Operation(
                                                    "users",
                                                    Arrangement::student,
                                                    (a, caller, as) -> as.queryParam(
                                                                    "email", a.column("users", a.student(), "email"))
                                                            .get(USERS)),
                                    "read",
                                            new Operation(
                                                    "users",
                                                    Arrangement::student,
                                                    (a, caller, as) -> as.get(USERS + "/" + a.student())),
                                    "read me",
                                            new Operation(
                                                    "users",
                                                    Arrangement::student,
                                                    (a, caller, as) -> as.get(USERS + "/me")),
                                    "create",
                                            new Operation(
                                                    "users",
                                                    Arrangement::student,
                                                    (a, caller, as) -> as.body(Map.of(
                                                                    "email",
                                                                    Fixtures.unique("new") + "@example.org",
                                                                    "name",
                                                                    "New",
                                                                    "role",
                                                                    "STUDENT",
                                                                    "password",
                                                                    "correct horse"))
                                                            .post(USERS)),
                                    "replace",
                                            new Operation(
                                                    "users",
                                                    Arrangement::student,
                                                    (a, caller, as) -> as.body(Map.of(
                                                                    "email",
                                                                    a.column("users", a.student(), "email"),
                                                                    "name",
                                                                    "Renamed",
                                                                    "role",
                                                                    "STUDENT"))
                                                            .put(USERS + "/" + a.student())),
                                    "patch",
                                            new Operation(
                                                    "users",
                                                    Arrangement::student,
                                                    (a, caller, as) -> as.contentType(Api.MERGE_PATCH)
                                                            .body(Map.of("name", "Renamed"))
                                                            .patch(USERS + "/" + a.student())),
                                    "change role",
                                            new Operation(
                                                    "users",
                                                    Arrangement::student,
                                                    (a, caller, as) -> as.contentType(Api.MERGE_PATCH)
                                                            .body(Map.of("role", "INSTRUCTOR"))
                                                            .patch(USERS + "/" + a.student())),
                                    "delete",
                                            new Operation(
                                                    "users",
                                                    Arrangement::student,
                                                    (a, caller, as) -> as.delete(USERS + "/" + a.student()))),
                            Map.of(
                                    "change password",
                                            new Operation(
                                                    "users",
                                                    Arrangement::student,
                                                    (a, caller, as) -> as.contentType(Api.MERGE_PATCH)
                                                            .body(Map.of(
                                                                    "password",
                                                                    "a brand new password",
                                                                    "currentPassword",
                                                                    STUDENT_PASSWORD))
                                                            .patch(USERS + "/" + a.student())),
                                    "change password without the current one",
                                            new Operation(
                                                    "users",
                                                    Arrangement::student,
                                                    (a, caller, as) -> as.contentType(Api.MERGE_PATCH)
                                                            .body(Map.of("password", "a brand new password"))
                                                            .patch(USERS + "/" + a.student())),
                                    "revoke tokens",
                                            new Operation(
                                                    "users",
                                                    Arrangement::student,
                                                    (a, caller, as) ->
                                                            as.post(USERS + "/" + a.student() + "/revoke-tokens")))),
            "courses",
                    Map.of(
                            "list",
                                    new Operation(
                                            "courses",
                                            Arrangement::course,
                                            (a, caller, as) -> as.queryParam("instructorId", a.instructor())
                                                    .get(COURSES)),
                            "read",
                                    new Operation(
                                            "courses",
                                            Arrangement::course,
                                            (a, caller, as) -> as.get(COURSES + "/" + a.course())),
                            "create",
                                    new Operation(
                                            "courses",
                                            Arrangement::course,
                                            (a, caller, as) -> as.body(
                                                            caller.equals("admin")
                                                                    ? Map.of(
                                                                            "code",
                                                                            Fixtures.unique("NEW"),
                                                                            "title",
                                                                            "New",
                                                                            "instructorId",
                                                                            a.instructor())
                                                                    : Map.of(
                                                                            "code",
                                                                            Fixtures.unique("NEW"),
                                                                            "title",
                                                                            "New"))
                                                    .post(COURSES)),
                            "create for another instructor",
                                    new Operation(
                                            "courses",
                                            Arrangement::course,
                                            (a, caller, as) -> as.body(Map.of(
                                                            "code",
                                                            Fixtures.unique("NEW"),
                                                            "title",
                                                            "New",
                                                            "instructorId",
                                                            a.idOf(caller).equals(a.instructor())
                                                                            && !caller.equals("admin")
                                                                    ? a.otherInstructor()
                                                                    : a.instructor()))
                                                    .post(COURSES)),
                            "replace",
                                    new Operation(
                                            "courses",
                                            Arrangement::course,
                                            (a, caller, as) -> as.body(Map.of(
                                                            "code",
                                                            a.column("courses", a.course(), "code"),
                                                            "title",
                                                            "Renamed",
                                                            "instructorId",
                                                            a.instructor()))
                                                    .put(COURSES + "/" + a.course())),
                            "patch",
                                    new Operation(
                                            "courses",
                                            Arrangement::course,
                                            (a, caller, as) -> as.contentType(Api.MERGE_PATCH)
                                                    .body(Map.of("title", "Renamed"))
                                                    .patch(COURSES + "/" + a.course())),
                            "reassign instructor",
                                    new Operation(
                                            "courses",
                                            Arrangement::course,
                                            (a, caller, as) -> as.contentType(Api.MERGE_PATCH)
                                                    .body(Map.of("instructorId", a.otherInstructor()))
                                                    .patch(COURSES + "/" + a.course())),
                            "delete",
                                    new Operation(
                                            "courses",
                                            Arrangement::course,
                                            (a, caller, as) -> as.delete(COURSES + "/" + a.course()))),
            "enrollments",
                    Map.of(
                            "list",
                                    new Operation(
                                            "enrollments",
                                            Arrangement::enrollment,
                                            (a, caller, as) -> as.queryParam("courseId", a.course())
                                                    .get(ENROLLMENTS)),
                            "read",
                                    new Operation(
                                            "enrollments",
                                            Arrangement::enrollment,
                                            (a, caller, as) -> as.get(ENROLLMENTS + "/" + a.enrollment())),
                            "list of the course",
                                    new Operation(
                                            "enrollments",
                                            Arrangement::enrollment,
                                            (a, caller, as) -> as.get(COURSES + "/" + a.course() + "/enrollments")),
                            "create",
                                    new Operation(
                                            "enrollments",
                                            Arrangement::enrollment,
                                            (a, caller, as) -> as.body(Map.of(
                                                            "userId",
                                                            a.fixtures().student(),
                                                            "courseId",
                                                            a.course()))
                                                    .post(ENROLLMENTS)),
                            "replace",
                                    new Operation(
                                            "enrollments",
                                            Arrangement::enrollment,
                                            (a, caller, as) -> as.body(
                                                            Map.of("userId", a.student(), "courseId", a.course()))
                                                    .put(ENROLLMENTS + "/" + a.enrollment())),
                            "patch",
                                    new Operation(
                                            "enrollments",
                                            Arrangement::enrollment,
                                            (a, caller, as) -> as.contentType(Api.MERGE_PATCH)
                                                    .body(Map.of(
                                                            "userId",
                                                            a.fixtures().student()))
                                                    .patch(ENROLLMENTS + "/" + a.enrollment())),
                            "move to a course not taught",
                                    new Operation(
                                            "enrollments",
                                            Arrangement::enrollment,
                                            (a, caller, as) -> as.contentType(Api.MERGE_PATCH)
                                                    .body(Map.of("courseId", a.otherCourse()))
                                                    .patch(ENROLLMENTS + "/" + a.enrollment())),
                            "delete",
                                    new Operation(
                                            "enrollments",
                                            Arrangement::enrollment,
                                            (a, caller, as) -> as.delete(ENROLLMENTS + "/" + a.enrollment()))),
            "assignments",
                    Map.of(
                            "list",
                                    new Operation(
                                            "assignments",
                                            Arrangement::assignment,
                                            (a, caller, as) -> as.queryParam("courseId", a.course())
                                                    .get(ASSIGNMENTS)),
                            "read",
                                    new Operation(
                                            "assignments",
                                            Arrangement::assignment,
                                            (a, caller, as) -> as.get(ASSIGNMENTS + "/" + a.assignment())),
                            "list of the course",
                                    new Operation(
                                            "assignments",
                                            Arrangement::assignment,
                                            (a, caller, as) -> as.get(COURSES + "/" + a.course() + "/assignments")),
                            "create",
                                    new Operation(
                                            "assignments",
                                            Arrangement::assignment,
                                            (a, caller, as) -> as.body(Map.of(
                                                            "courseId", a.course(), "title", "New", "points", 10))
                                                    .post(ASSIGNMENTS)),
                            "replace",
                                    new Operation(
                                            "assignments",
                                            Arrangement::assignment,
                                            (a, caller, as) -> as.body(Map.of(
                                                            "courseId", a.course(), "title", "Renamed", "points", 10))
                                                    .put(ASSIGNMENTS + "/" + a.assignment())),
                            "patch",
                                    new Operation(
                                            "assignments",
                                            Arrangement::assignment,
                                            (a, caller, as) -> as.contentType(Api.MERGE_PATCH)
                                                    .body(Map.of("title", "Renamed"))
                                                    .patch(ASSIGNMENTS + "/" + a.assignment())),
                            "move to a course not taught",
                                    new Operation(
                                            "assignments",
                                            Arrangement::assignment,
                                            (a, caller, as) -> as.contentType(Api.MERGE_PATCH)
                                                    .body(Map.of("courseId", a.otherCourse()))
                                                    .patch(ASSIGNMENTS + "/" + a.assignment())),
                            "delete",
                                    new Operation(
                                            "assignments",
                                            Arrangement::assignment,
                                            (a, caller, as) -> as.delete(ASSIGNMENTS + "/" + a.assignment()))),
            "submissions",
                    Map.of(
                            "list",
                                    new Operation(
                                            "submissions",
                                            Arrangement::submission,
                                            (a, caller, as) -> as.queryParam("assignmentId", a.assignment())
                                                    .get(SUBMISSIONS)),
                            "read",
                                    new Operation(
                                            "submissions",
                                            Arrangement::submission,
                                            (a, caller, as) -> as.get(SUBMISSIONS + "/" + a.submission())),
                            "list of the assignment",
                                    new Operation(
                                            "submissions",
                                            Arrangement::submission,
                                            (a, caller, as) ->
                                                    as.get(ASSIGNMENTS + "/" + a.assignment() + "/submissions")),
                            "create",
                                    new Operation(
                                            "submissions",
                                            Arrangement::submission,
                                            (a, caller, as) -> as.body(Map.of(
                                                            "assignmentId",
                                                            a.fixtures().assignment(a.course(), 10),
                                                            "content",
                                                            "Mine",
                                                            "studentId",
                                                            caller.contains("student") ? a.idOf(caller) : a.student()))
                                                    .post(SUBMISSIONS)),
                            "create as another student",
                                    new Operation(
                                            "submissions",
                                            Arrangement::submission,
                                            (a, caller, as) -> as.body(Map.of(
                                                            "assignmentId",
                                                            a.fixtures().assignment(a.course(), 10),
                                                            "content",
                                                            "Theirs",
                                                            "studentId",
                                                            caller.equals("enrolled student")
                                                                    ? a.otherStudent()
                                                                    : a.student()))
                                                    .post(SUBMISSIONS)),
                            "replace",
                                    new Operation(
                                            "submissions",
                                            Arrangement::submission,
                                            (a, caller, as) -> as.body(Map.of(
                                                            "assignmentId",
                                                            a.assignment(),
                                                            "studentId",
                                                            a.student(),
                                                            "content",
                                                            "Revised"))
                                                    .put(SUBMISSIONS + "/" + a.submission())),
                            "patch",
                                    new Operation(
                                            "submissions",
                                            Arrangement::submission,
                                            (a, caller, as) -> as.contentType(Api.MERGE_PATCH)
                                                    .body(Map.of("content", "Revised"))
                                                    .patch(SUBMISSIONS + "/" + a.submission())),
                            "patch after grading",
                                    new Operation(
                                            "submissions",
                                            Arrangement::gradedSubmission,
                                            (a, caller, as) -> as.contentType(Api.MERGE_PATCH)
                                                    .body(Map.of("content", "Revised"))
                                                    .patch(SUBMISSIONS + "/" + a.gradedSubmission())),
                            "delete",
                                    new Operation(
                                            "submissions",
                                            Arrangement::submission,
                                            (a, caller, as) -> as.delete(SUBMISSIONS + "/" + a.submission())),
                            "delete after grading",
                                    new Operation(
                                            "submissions",
                                            Arrangement::gradedSubmission,
                                            (a, caller, as) -> as.delete(SUBMISSIONS + "/" + a.gradedSubmission()))),
            "grades",
                    Map.of(
                            "list",
                                    new Operation(
                                            "grades",
                                            Arrangement::grade,
                                            (a, caller, as) -> as.queryParam("submissionId", a.gradedSubmission())
                                                    .get(GRADES)),
                            "read",
                                    new Operation(
                                            "grades",
                                            Arrangement::grade,
                                            (a, caller, as) -> as.get(GRADES + "/" + a.grade())),
                            "create",
                                    new Operation(
                                            "grades",
                                            Arrangement::grade,
                                            (a, caller, as) -> as.body(
                                                            Map.of("submissionId", a.submission(), "score", 9))
                                                    .post(GRADES)),
                            "create as another grader",
                                    new Operation(
                                            "grades",
                                            Arrangement::grade,
                                            (a, caller, as) -> as.body(Map.of(
                                                            "submissionId",
                                                            a.submission(),
                                                            "score",
                                                            9,
                                                            "gradedById",
                                                            caller.equals("instructor of the course")
                                                                    ? a.otherInstructor()
                                                                    : a.instructor()))
                                                    .post(GRADES)),
                            "replace",
                                    new Operation(
                                            "grades",
                                            Arrangement::grade,
                                            (a, caller, as) -> as.body(Map.of(
                                                            "submissionId",
                                                            a.gradedSubmission(),
                                                            "score",
                                                            7,
                                                            "gradedById",
                                                            a.idOf(caller)))
                                                    .put(GRADES + "/" + a.grade())),
                            "patch",
                                    new Operation(
                                            "grades",
                                            Arrangement::grade,
                                            (a, caller, as) -> as.contentType(Api.MERGE_PATCH)
                                                    .body(Map.of("score", 7))
                                                    .patch(GRADES + "/" + a.grade())),
                            "delete",
                                    new Operation(
                                            "grades",
                                            Arrangement::grade,
                                            (a, caller, as) -> as.delete(GRADES + "/" + a.grade()))),
            "announcements",
                    Map.of(
                            "list",
                                    new Operation(
                                            "announcements",
                                            Arrangement::announcement,
                                            (a, caller, as) -> as.queryParam("courseId", a.course())
                                                    .get(ANNOUNCEMENTS)),
                            "list of the course",
                                    new Operation(
                                            "announcements",
                                            Arrangement::announcement,
                                            (a, caller, as) -> as.get(COURSES + "/" + a.course() + "/announcements")),
                            "read",
                                    new Operation(
                                            "announcements",
                                            Arrangement::announcement,
                                            (a, caller, as) -> as.get(ANNOUNCEMENTS + "/" + a.announcement())),
                            "create",
                                    new Operation(
                                            "announcements",
                                            Arrangement::announcement,
                                            (a, caller, as) -> as.body(Map.of("courseId", a.course(), "title", "New"))
                                                    .post(ANNOUNCEMENTS)),
                            "post as another author",
                                    new Operation(
                                            "announcements",
                                            Arrangement::announcement,
                                            (a, caller, as) -> as.body(Map.of(
                                                            "courseId",
                                                            a.course(),
                                                            "title",
                                                            "New",
                                                            "authorId",
                                                            someoneElse(a, caller)))
                                                    .post(ANNOUNCEMENTS)),
                            "replace",
                                    new Operation(
                                            "announcements",
                                            Arrangement::announcement,
                                            (a, caller, as) -> as.body(Map.of(
                                                            "courseId",
                                                            a.course(),
                                                            "authorId",
                                                            a.instructor(),
                                                            "title",
                                                            "Renamed"))
                                                    .put(ANNOUNCEMENTS + "/" + a.announcement())),
                            "patch",
                                    new Operation(
                                            "announcements",
                                            Arrangement::announcement,
                                            (a, caller, as) -> as.contentType(Api.MERGE_PATCH)
                                                    .body(Map.of("title", "Renamed"))
                                                    .patch(ANNOUNCEMENTS + "/" + a.announcement())),
                            "move to another course",
                                    new Operation(
                                            "announcements",
                                            Arrangement::announcement,
                                            (a, caller, as) -> as.contentType(Api.MERGE_PATCH)
                                                    .body(Map.of("courseId", a.otherCourse()))
                                                    .patch(ANNOUNCEMENTS + "/" + a.announcement())),
                            "delete",
                                    new Operation(
                                            "announcements",
                                            Arrangement::announcement,
                                            (a, caller, as) -> as.delete(ANNOUNCEMENTS + "/" + a.announcement()))),
            "course-content",
                    Map.of(
                            "list",
                                    new Operation(
                                            "course_content",
                                            Arrangement::content,
                                            (a, caller, as) -> as.queryParam("courseId", a.course())
                                                    .get(CONTENT)),
                            "list of the course",
                                    new Operation(
                                            "course_content",
                                            Arrangement::content,
                                            (a, caller, as) -> as.get(COURSES + "/" + a.course() + "/content")),
                            "read",
                                    new Operation(
                                            "course_content",
                                            Arrangement::content,
                                            (a, caller, as) -> as.get(CONTENT + "/" + a.content())),
                            "create",
                                    new Operation(
                                            "course_content",
                                            Arrangement::content,
                                            (a, caller, as) -> as.body(Map.of(
                                                            "courseId", a.course(), "title", "New", "type", "TEXT"))
                                                    .post(CONTENT)),
                            "replace",
                                    new Operation(
                                            "course_content",
                                            Arrangement::content,
                                            (a, caller, as) -> as.body(Map.of(
                                                            "courseId", a.course(), "title", "Renamed", "type", "TEXT"))
                                                    .put(CONTENT + "/" + a.content())),
                            "patch",
                                    new Operation(
                                            "course_content",
                                            Arrangement::content,
                                            (a, caller, as) -> as.contentType(Api.MERGE_PATCH)
                                                    .body(Map.of("title", "Renamed"))
                                                    .patch(CONTENT + "/" + a.content())),
                            "move to another course",
                                    new Operation(
                                            "course_content",
                                            Arrangement::content,
                                            (a, caller, as) -> as.contentType(Api.MERGE_PATCH)
                                                    .body(Map.of("courseId", a.otherCourse()))
                                                    .patch(CONTENT + "/" + a.content())),
                            "delete",
                                    new Operation(
                                            "course_content",
                                            Arrangement::content,
                                            (a, caller, as) -> as.delete(CONTENT + "/" + a.content()))),
            "discussions",
                    Map.ofEntries(
                            Map.entry(
                                    "list",
                                    new Operation(
                                            "discussions",
                                            Arrangement::discussion,
                                            (a, caller, as) -> as.queryParam("courseId", a.course())
                                                    .queryParam("authorId", a.instructor())
                                                    .get(DISCUSSIONS))),
                            Map.entry(
                                    "read",
                                    new Operation(
                                            "discussions",
                                            Arrangement::discussion,
                                            (a, caller, as) -> as.get(DISCUSSIONS + "/" + a.discussion()))),
                            Map.entry(
                                    "read thread",
                                    new Operation(
                                            "discussions",
                                            Arrangement::discussion,
                                            (a, caller, as) -> as.get(DISCUSSIONS + "/" + a.discussion() + "/posts"))),
                            Map.entry(
                                    "create",
                                    new Operation(
                                            "discussions",
                                            Arrangement::discussion,
                                            (a, caller, as) -> as.body(Map.of("courseId", a.course(), "title", "New"))
                                                    .post(DISCUSSIONS))),
                            Map.entry(
                                    "start as another author",
                                    new Operation(
                                            "discussions",
                                            Arrangement::discussion,
                                            (a, caller, as) -> as.body(Map.of(
                                                            "courseId",
                                                            a.course(),
                                                            "title",
                                                            "New",
                                                            "authorId",
                                                            someoneElse(a, caller)))
                                                    .post(DISCUSSIONS))),
                            Map.entry(
                                    "replace",
                                    new Operation(
                                            "discussions",
                                            Arrangement::discussion,
                                            (a, caller, as) -> as.body(Map.of(
                                                            "courseId",
                                                            a.course(),
                                                            "authorId",
                                                            a.instructor(),
                                                            "title",
                                                            "Renamed"))
                                                    .put(DISCUSSIONS + "/" + a.discussion()))),
                            Map.entry(
                                    "patch",
                                    new Operation(
                                            "discussions",
                                            Arrangement::discussion,
                                            (a, caller, as) -> as.contentType(Api.MERGE_PATCH)
                                                    .body(Map.of("title", "Renamed"))
                                                    .patch(DISCUSSIONS + "/" + a.discussion()))),
                            Map.entry(
                                    "edit the student's own",
                                    new Operation(
                                            "discussions",
                                            Arrangement::studentsDiscussion,
                                            (a, caller, as) -> as.contentType(Api.MERGE_PATCH)
                                                    .body(Map.of("title", "Renamed"))
                                                    .patch(DISCUSSIONS + "/" + a.studentsDiscussion()))),
                            Map.entry(
                                    "move to another course",
                                    new Operation(
                                            "discussions",
                                            Arrangement::discussion,
                                            (a, caller, as) -> as.contentType(Api.MERGE_PATCH)
                                                    .body(Map.of("courseId", a.otherCourse()))
                                                    .patch(DISCUSSIONS + "/" + a.discussion()))),
                            Map.entry(
                                    "delete",
                                    new Operation(
                                            "discussions",
                                            Arrangement::discussion,
                                            (a, caller, as) -> as.delete(DISCUSSIONS + "/" + a.discussion()))),
                            Map.entry(
                                    "delete the student's own",
                                    new Operation(
                                            "discussions",
                                            Arrangement::studentsDiscussion,
                                            (a, caller, as) -> as.delete(DISCUSSIONS + "/" + a.studentsDiscussion())))),
            "discussion-posts",
                    Map.ofEntries(
                            Map.entry(
                                    "list",
                                    new Operation(
                                            "discussion_posts",
                                            Arrangement::post,
                                            (a, caller, as) -> as.queryParam("discussionId", a.discussion())
                                                    .queryParam("authorId", a.student())
                                                    .get(POSTS))),
                            Map.entry(
                                    "read",
                                    new Operation(
                                            "discussion_posts",
                                            Arrangement::post,
                                            (a, caller, as) -> as.get(POSTS + "/" + a.post()))),
                            Map.entry(
                                    "create",
                                    new Operation(
                                            "discussion_posts",
                                            Arrangement::post,
                                            (a, caller, as) -> as.body(
                                                            Map.of("discussionId", a.discussion(), "content", "New"))
                                                    .post(POSTS))),
                            Map.entry(
                                    "reply",
                                    new Operation(
                                            "discussion_posts",
                                            Arrangement::post,
                                            (a, caller, as) -> as.body(Map.of(
                                                            "discussionId",
                                                            a.discussion(),
                                                            "parentId",
                                                            a.post(),
                                                            "content",
                                                            "Re"))
                                                    .post(POSTS))),
                            Map.entry(
                                    "post as another author",
                                    new Operation(
                                            "discussion_posts",
                                            Arrangement::post,
                                            (a, caller, as) -> as.body(Map.of(
                                                            "discussionId",
                                                            a.discussion(),
                                                            "content",
                                                            "New",
                                                            "authorId",
                                                            someoneElse(a, caller)))
                                                    .post(POSTS))),
                            Map.entry(
                                    "replace",
                                    new Operation(
                                            "discussion_posts",
                                            Arrangement::post,
                                            (a, caller, as) -> as.body(Map.of(
                                                            "discussionId",
                                                            a.discussion(),
                                                            "authorId",
                                                            a.student(),
                                                            "content",
                                                            "Edited"))
                                                    .put(POSTS + "/" + a.post()))),
                            Map.entry(
                                    "patch",
                                    new Operation(
                                            "discussion_posts",
                                            Arrangement::post,
                                            (a, caller, as) -> as.contentType(Api.MERGE_PATCH)
                                                    .body(Map.of("content", "Edited"))
                                                    .patch(POSTS + "/" + a.post()))),
                            Map.entry(
                                    "edit the instructor's",
                                    new Operation(
                                            "discussion_posts",
                                            Arrangement::instructorsPost,
                                            (a, caller, as) -> as.contentType(Api.MERGE_PATCH)
                                                    .body(Map.of("content", "Edited"))
                                                    .patch(POSTS + "/" + a.instructorsPost()))),
                            Map.entry(
                                    "reassign author",
                                    new Operation(
                                            "discussion_posts",
                                            Arrangement::post,
                                            (a, caller, as) -> as.contentType(Api.MERGE_PATCH)
                                                    .body(Map.of("authorId", a.instructor()))
                                                    .patch(POSTS + "/" + a.post()))),
                            Map.entry(
                                    "delete",
                                    new Operation(
                                            "discussion_posts",
                                            Arrangement::post,
                                            (a, caller, as) -> as.delete(POSTS + "/" + a.post()))),
                            Map.entry(
                                    "delete the instructor's",
                                    new Operation(
                                            "discussion_posts",
                                            Arrangement::instructorsPost,
                                            (a, caller, as) -> as.delete(POSTS + "/" + a.instructorsPost())))));

    /** A member of the course who is not the caller: the student, or the instructor when the caller is the student. */
    static UUID someoneElse(Arrangement a, String caller) {
        return a.idOf(caller).equals(a.student()) ? a.instructor() : a.student();
    }

    static Stream<Arguments> cells() throws IOException {
        List<String> lines = Files.readAllLines(TABLE);
        int start = lines.indexOf("<!-- permissions: read by dev.lms.auth.PermissionMatrixTest -->");
        int end = lines.indexOf("<!-- /permissions -->");
        assertThat(start)
                .as("the permission table's markers in " + TABLE)
                .isNotNegative()
                .isLessThan(end);
        List<String> header = cellsOf(lines.get(start + 1));
        assertThat(header.subList(2, header.size())).isEqualTo(CALLERS);
        return lines.subList(start + 3, end).stream()
                .map(PermissionMatrixTest::cellsOf)
                .flatMap(row -> Stream.iterate(2, column -> column < row.size(), column -> column + 1)
                        .map(column -> Arguments.of(row.get(0), row.get(1), header.get(column), row.get(column))));
    }

    static List<String> cellsOf(String line) {
        String trimmed = line.strip();
        return Stream.of(trimmed.substring(1, trimmed.length() - 1).split("\\|"))
                .map(String::strip)
                .toList();
    }

    private static <K, V> Map<K, V> merged(Map<K, V> some, Map<K, V> more) {
        Map<K, V> all = new HashMap<>(some);
        all.putAll(more);
        return Map.copyOf(all);
    }

    @ParameterizedTest(name = "{0} {1} by {2}: {3}")
    @MethodSource("cells")
    void eachCallerGetsWhatTheTableSays(String resource, String operationName, String caller, String expected) {
        Operation operation = OPERATIONS.getOrDefault(resource, Map.of()).get(operationName);
        assertThat(operation)
                .as("an operation '%s' on '%s' for the table's row", operationName, resource)
                .isNotNull();
        Arrangement arrangement = Arrangement.create(new Fixtures(dataSource));
        UUID target = operation.target().apply(arrangement);
        Map<String, Object> before = arrangement.fixtures().row(operation.table(), target);

        Response response = operation.request().send(arrangement, caller, arrangement.as(caller));

        switch (expected) {
            case "listed", "hidden" -> {
                boolean listed = expected.equals("listed");
                assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
                assertThat(response.header("X-Total-Count")).isEqualTo(listed ? "1" : "0");
                assertThat(response.jsonPath().getList("id"))
                        .isEqualTo(listed ? List.of(target.toString()) : List.of());
            }
            default -> {
                int status = Integer.parseInt(expected);
                assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
                if (status >= 400) {
                    assertThat(response.contentType()).startsWith("application/problem+json");
                    assertThat(arrangement.fixtures().row(operation.table(), target))
                            .as("the target, after a refusal")
                            .isEqualTo(before);
                }
            }
        }
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    }
}
