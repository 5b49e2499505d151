package dev.lms.access;

import dev.lms.persistence.Condition;
import dev.lms.persistence.Property;
import java.util.UUID;

/**
 * Who belongs to a course, which is what most of the API's authorization rests on: an INSTRUCTOR acts on the courses
 * they teach, a STUDENT on the courses they are enrolled in, an ADMIN on all of them. Each feature's policy builds its
 * scope from these conditions, given the path from its rows to their course's id, such as
 * {@code a -> a.get(Assignment_.course).get(Course_.id)}.
 * <p>
 * The conditions are typed criteria with the caller's id bound. They need both courses and enrollments, so they are
 * written in the enrollment feature ({@code CourseMembership}), and the course and user features, which enrollments
 * depend on, reach them through this interface.
 */
public interface Membership {

    /** Rows of the courses the caller teaches or is enrolled in; every row for an ADMIN. */
    <E> Condition<E> readable(Property<E, UUID> course);

    /**
     * Rows of the courses the caller teaches, or that satisfy {@code own} (such as "the caller is its student");
     * every row for an ADMIN.
     */
    <E> Condition<E> taughtOr(Property<E, UUID> course, Condition<E> own);

    /** Rows whose user is the caller or is enrolled in a course the caller teaches; every row for an ADMIN. */
    <E> Condition<E> selfOrTaught(Property<E, UUID> user);
}
