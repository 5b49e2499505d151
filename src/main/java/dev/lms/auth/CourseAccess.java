package dev.lms.auth;

import dev.lms.course.Course;
import dev.lms.enrollment.Enrollment;
import dev.lms.persistence.Where;
import dev.lms.web.ProblemException;
import java.util.UUID;

/**
 * Who belongs to a course, which is what most of the API's authorization rests on: an INSTRUCTOR acts on the
 * courses they teach, a STUDENT on the courses they are enrolled in, an ADMIN on all of them.
 * <p>
 * How a service applies it (see {@code CourseService} and {@code UserService}):
 * <ol>
 * <li><b>Lists</b> start from {@link #readable} (or a narrower scope) and add their filters to it. The page and its
 *     count run the same query, so {@code X-Total-Count} only counts what the caller may see.</li>
 * <li><b>One object</b> is loaded through the same scope plus {@code id = :id}: what the caller may not see is a 404,
 *     exactly like what does not exist.</li>
 * <li><b>Functions</b> on a visible object that the caller's role does not allow are refused with
 *     {@link dev.lms.web.ProblemException#forbidden} (403), after the object was found.</li>
 * <li><b>Ownership fields</b> in a body ({@code instructorId}, {@code studentId}, {@code authorId}, ...) come from
 *     {@link Caller#id()} when the role requires it; a different value is a 403.</li>
 * </ol>
 * The conditions are HQL over the queried entity, with {@code coursePath} the path from it to its course's id
 * ({@code "id"} for a course, {@code "course.id"} for an assignment). Their subqueries are not correlated, so an
 * unqualified path cannot resolve against the subquery's entity by mistake.
 */
public final class CourseAccess {

    /** The named parameter the conditions below use for the caller's id. */
    public static final String CALLER = "caller";

    private CourseAccess() {}

    /** Rows of the courses the caller teaches or is enrolled in; every row for an ADMIN. */
    public static Where readable(Caller caller, String coursePath) {
        if (caller.isAdmin()) {
            return new Where();
        }
        return new Where()
                .and(
                        "(" + coursePath + " in (" + taughtCourseIds() + ") or " + coursePath + " in ("
                                + enrolledCourseIds() + "))",
                        CALLER,
                        caller.id());
    }

    /** Rows of the courses the caller teaches; every row for an ADMIN, none for a STUDENT. */
    public static Where teaching(Caller caller, String coursePath) {
        if (caller.isAdmin()) {
            return new Where();
        }
        return new Where().and(coursePath + " in (" + taughtCourseIds() + ")", CALLER, caller.id());
    }

    /** Whether the caller may manage this course: its instructor, or an ADMIN. */
    public static boolean teaches(Caller caller, Course course) {
        return caller.isAdmin() || caller.is(course.instructor.id);
    }

    /**
     * Whether the caller may manage the course with this id, for a body that names it: an ADMIN always (the foreign
     * key then proves it exists), an INSTRUCTOR when they teach it. One indexed lookup.
     */
    public static boolean teaches(Caller caller, UUID courseId) {
        return caller.isAdmin() || Course.count("id = ?1 and instructor.id = ?2", courseId, caller.id()) > 0;
    }

    /** Whether the caller is enrolled in this course. One indexed lookup (the unique key on user and course). */
    public static boolean enrolledIn(Caller caller, UUID courseId) {
        return Enrollment.count("user.id = ?1 and course.id = ?2", caller.id(), courseId) > 0;
    }

    /** HQL: the ids of the courses {@code :caller} teaches; bind {@code caller} to {@link Caller#id()}. */
    public static String taughtCourseIds() {
        return "select taught.id from Course taught where taught.instructor.id = :" + CALLER;
    }

    /** HQL: the ids of the courses {@code :caller} is enrolled in; bind {@code caller} to {@link Caller#id()}. */
    public static String enrolledCourseIds() {
        return "select enrollment.course.id from Enrollment enrollment where enrollment.user.id = :" + CALLER;
    }

    /**
     * The course a request body names in {@code courseId}, for a write into it. One the caller may not see is refused
     * exactly like one that does not exist: 422 on {@code courseId}, the answer its foreign key gives.
     */
    public static Course named(Caller caller, UUID courseId) {
        Where where = readable(caller, "id").and("id = :id", "id", courseId);
        return Course.<Course>find(where.query(), where.parameters())
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.unprocessable("courseId", "No course with this id exists."));
    }

    /** Whether the course exists and the caller may see it: the one look-up a nested list makes when it came back empty. */
    public static boolean canRead(Caller caller, UUID courseId) {
        Where where = readable(caller, "id").and("id = :id", "id", courseId);
        return Course.count(where.query(), where.parameters()) > 0;
    }
}
