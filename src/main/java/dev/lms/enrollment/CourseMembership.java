package dev.lms.enrollment;

import dev.lms.access.Caller;
import dev.lms.access.Membership;
import dev.lms.course.Course;
import dev.lms.course.Course_;
import dev.lms.persistence.Condition;
import dev.lms.persistence.Property;
import dev.lms.user.User_;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.criteria.CommonAbstractCriteria;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.util.UUID;

/**
 * {@link Membership} as subqueries on courses and enrollments. They are not correlated with the outer query, so
 * PostgreSQL runs each once per statement, and every id in them is the caller's, bound.
 */
@ApplicationScoped
class CourseMembership implements Membership {

    private final Caller caller;

    CourseMembership(Caller caller) {
        this.caller = caller;
    }

    @Override
    public <E> Condition<E> readable(Property<E, UUID> course) {
        if (caller.isAdmin()) {
            return Condition.all();
        }
        UUID callerId = caller.id();
        return (row, query, builder) -> builder.or(
                course.of(row).in(taughtCourses(query, builder, callerId)),
                course.of(row).in(enrolledCourses(query, builder, callerId)));
    }

    @Override
    public <E> Condition<E> taughtOr(Property<E, UUID> course, Condition<E> own) {
        if (caller.isAdmin()) {
            return Condition.all();
        }
        UUID callerId = caller.id();
        return (row, query, builder) ->
                builder.or(course.of(row).in(taughtCourses(query, builder, callerId)), own.on(row, query, builder));
    }

    @Override
    public <E> Condition<E> selfOrTaught(Property<E, UUID> user) {
        if (caller.isAdmin()) {
            return Condition.all();
        }
        UUID callerId = caller.id();
        return (row, query, builder) -> {
            Subquery<UUID> students = query.subquery(UUID.class);
            Root<Enrollment> enrollment = students.from(Enrollment.class);
            students.select(enrollment.get(Enrollment_.user).get(User_.id))
                    .where(enrollment
                            .get(Enrollment_.course)
                            .get(Course_.id)
                            .in(taughtCourses(students, builder, callerId)));
            return builder.or(
                    builder.equal(user.of(row), callerId), user.of(row).in(students));
        };
    }

    private static Subquery<UUID> taughtCourses(CommonAbstractCriteria query, CriteriaBuilder builder, UUID callerId) {
        Subquery<UUID> taught = query.subquery(UUID.class);
        Root<Course> course = taught.from(Course.class);
        return taught.select(course.get(Course_.id))
                .where(builder.equal(course.get(Course_.instructor).get(User_.id), callerId));
    }

    private static Subquery<UUID> enrolledCourses(
            CommonAbstractCriteria query, CriteriaBuilder builder, UUID callerId) {
        Subquery<UUID> enrolled = query.subquery(UUID.class);
        Root<Enrollment> enrollment = enrolled.from(Enrollment.class);
        return enrolled.select(enrollment.get(Enrollment_.course).get(Course_.id))
                .where(builder.equal(enrollment.get(Enrollment_.user).get(User_.id), callerId));
    }
}
