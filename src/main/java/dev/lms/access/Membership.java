package dev.lms.access;

import dev.lms.persistence.Where;

/**
 * Who belongs to a course, which is what most of the API's authorization rests on: an INSTRUCTOR acts on the courses
 * they teach, a STUDENT on the courses they are enrolled in, an ADMIN on all of them. Each feature's policy builds its
 * scope from these conditions.
 * <p>
 * The conditions are HQL over the queried entity, with {@code coursePath} the path from it to its course's id
 * ({@code "id"} for a course, {@code "course.id"} for an assignment). Their subqueries are not correlated, so an
 * unqualified path cannot resolve against the subquery's entity by mistake. The caller's id is always bound as the
 * parameter {@link #CALLER}, never concatenated.
 */
public final class Membership {

    /** The named parameter the conditions below use for the caller's id. */
    public static final String CALLER = "caller";

    /** HQL: the ids of the courses {@code :caller} teaches. */
    public static final String TAUGHT_COURSE_IDS =
            "select taught.id from Course taught where taught.instructor.id = :" + CALLER;

    /** HQL: the ids of the courses {@code :caller} is enrolled in. */
    public static final String ENROLLED_COURSE_IDS =
            "select enrollment.course.id from Enrollment enrollment where enrollment.user.id = :" + CALLER;

    private Membership() {}

    /** Rows of the courses the caller teaches or is enrolled in; every row for an ADMIN. */
    public static Where readable(Caller caller, String coursePath) {
        return caller.isAdmin()
                ? new Where()
                : ofCourseOrOwn(caller, coursePath + " in (" + ENROLLED_COURSE_IDS + ")", coursePath);
    }

    /**
     * Rows of the courses the caller teaches, or that satisfy {@code own} (HQL using {@code :caller}, such as
     * {@code "student.id = :caller"}); every row for an ADMIN.
     */
    public static Where taughtOr(Caller caller, String coursePath, String own) {
        return caller.isAdmin() ? new Where() : ofCourseOrOwn(caller, own, coursePath);
    }

    private static Where ofCourseOrOwn(Caller caller, String own, String coursePath) {
        return new Where()
                .and("(" + coursePath + " in (" + TAUGHT_COURSE_IDS + ") or " + own + ")", CALLER, caller.id());
    }
}
