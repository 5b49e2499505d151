package dev.lms.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lms.testing.Fixtures;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import javax.sql.DataSource;

/**
 * Small per-resource fixtures for the contract fuzz test: one arrangement of rows (a {@link World}) whose ids fill the
 * path parameters, and for each collection a valid body that succeeds. A new resource needs an entry in {@link #ROWS}
 * and in {@link #bodies}; a new field of an existing one is fuzzed from the OpenAPI schema without any change here.
 */
final class ContractFixtures {

    static final String PASSWORD = "correct horse battery";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Fixtures fixtures;

    ContractFixtures(DataSource dataSource) {
        this.fixtures = new Fixtures(dataSource);
        this.bodies = Map.of(
                "users",
                (world, create) -> object(
                        "email",
                        Fixtures.unique("fuzz") + "@example.org",
                        "name",
                        "Fuzz",
                        "role",
                        "STUDENT",
                        "password",
                        PASSWORD),
                "courses",
                (world, create) -> object(
                        "code", Fixtures.unique("FZ"),
                        "title", "Fuzzing",
                        "description", "About inputs",
                        "semester", "2026-FALL",
                        "active", true,
                        "thumbnailUrl", "https://img.example.org/c.png",
                        "instructorId", world.instructor()),
                "enrollments",
                (world, create) ->
                        object("userId", create ? fixtures.student() : world.student(), "courseId", world.course()),
                "assignments",
                (world, create) -> object(
                        "courseId", world.course(),
                        "title", "Homework",
                        "description", "Do it",
                        "dueDate", "2027-01-31T23:59:00Z",
                        "points", 100),
                "submissions",
                (world, create) -> object(
                        "assignmentId",
                        world.assignment(),
                        "studentId",
                        create ? enrolledStudent(world) : world.student(),
                        "content",
                        "My answer",
                        "fileUrl",
                        "https://files.example.org/a.pdf"),
                "grades",
                (world, create) -> object(
                        "submissionId",
                        create ? fixtures.submission(world.assignment(), enrolledStudent(world)) : world.submission(),
                        "score",
                        90.5,
                        "feedback",
                        "Good",
                        "gradedById",
                        world.instructor()),
                "discussions",
                (world, create) -> object(
                        "courseId",
                        world.course(),
                        "authorId",
                        world.instructor(),
                        "title",
                        "Topic",
                        "content",
                        "Text"),
                "discussion-posts",
                (world, create) -> create
                        ? object(
                                "discussionId", world.discussion(),
                                "authorId", world.instructor(),
                                "parentId", world.post(),
                                "content", "Reply")
                        : object("discussionId", world.discussion(), "authorId", world.student(), "content", "Edited"),
                "announcements",
                (world, create) -> object(
                        "courseId", world.course(), "authorId", world.instructor(), "title", "News", "content", "Text"),
                "course-content",
                (world, create) -> object(
                        "courseId", world.course(),
                        "title", "Lesson",
                        "type", "TEXT",
                        "content", "Body",
                        "fileUrl", "https://files.example.org/l.pdf",
                        "position", 1));
    }

    /**
     * A course taught by {@code instructor} with one student enrolled, and one row of every other resource in it: the
     * student's submission graded by the instructor, a discussion with the student's post, an announcement and a
     * content item.
     */
    record World(
            UUID instructor,
            UUID student,
            UUID course,
            UUID enrollment,
            UUID assignment,
            UUID submission,
            UUID grade,
            UUID discussion,
            UUID post,
            UUID announcement,
            UUID content,
            String tokenEmail) {}

    World world() {
        UUID instructor = fixtures.instructor();
        UUID student = fixtures.student();
        UUID course = fixtures.course(instructor);
        UUID enrollment = fixtures.enrollment(student, course);
        UUID assignment = fixtures.assignment(course, 100);
        UUID submission = fixtures.submission(assignment, student);
        UUID grade = fixtures.grade(submission, instructor, "80");
        UUID discussion = fixtures.discussion(course, instructor);
        UUID post = fixtures.post(discussion, student, null);
        UUID announcement = fixtures.announcement(course, instructor);
        UUID content = fixtures.content(course, "TEXT", 0);
        String tokenEmail = Fixtures.unique("login") + "@example.org";
        try {
            // The password hash of PASSWORD, so that the token endpoint has an account to sign in to.
            fixtures.execute(
                    "INSERT INTO users (email, name, role, password_hash) VALUES (?, 'Login', 'STUDENT', ?)",
                    tokenEmail,
                    passwordHash());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return new World(
                instructor,
                student,
                course,
                enrollment,
                assignment,
                submission,
                grade,
                discussion,
                post,
                announcement,
                content,
                tokenEmail);
    }

    /** The row a path parameter names, by the collection in front of it: {@code /courses/{id}} is the course. */
    static final Map<String, java.util.function.Function<World, UUID>> ROWS = Map.of(
            "users", World::student,
            "courses", World::course,
            "enrollments", World::enrollment,
            "assignments", World::assignment,
            "submissions", World::submission,
            "grades", World::grade,
            "discussions", World::discussion,
            "discussion-posts", World::post,
            "announcements", World::announcement,
            "course-content", World::content);

    /**
     * A valid body for the collection: for a create ({@code true}) a new row that clashes with nothing, otherwise the
     * target row of {@link #ROWS} as it may stay.
     */
    final Map<String, BiFunction<World, Boolean, ObjectNode>> bodies;

    /** The token endpoint's body: the world's account with a password. */
    static ObjectNode tokenBody(World world) {
        return object("email", world.tokenEmail(), "password", PASSWORD);
    }

    /** The body of the refresh and logout endpoints. */
    static ObjectNode refreshBody(String refreshToken) {
        return object("refreshToken", refreshToken);
    }

    private static String passwordHash;

    /** Hashed once: bcrypt is slow on purpose, and every world needs the same account. */
    private static synchronized String passwordHash() {
        if (passwordHash == null) {
            passwordHash = Fixtures.passwordHash(PASSWORD);
        }
        return passwordHash;
    }

    private UUID enrolledStudent(World world) {
        UUID student = fixtures.student();
        fixtures.enrollment(student, world.course());
        return student;
    }

    private static ObjectNode object(Object... members) {
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < members.length; i += 2) {
            node.putPOJO((String) members[i], members[i + 1] instanceof UUID id ? id.toString() : members[i + 1]);
        }
        return node;
    }
}
