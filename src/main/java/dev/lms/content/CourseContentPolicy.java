package dev.lms.content;

import dev.lms.access.Membership;
import dev.lms.course.Course;
import dev.lms.course.CourseAccess;
import dev.lms.course.Course_;
import dev.lms.crud.Policy;
import dev.lms.crud.Refusal;
import dev.lms.persistence.Condition;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Course content: whoever reads a course reads its content; the course's instructor or an admin manages it.
 */
@ApplicationScoped
public class CourseContentPolicy implements Policy<CourseContent> {

    private final Membership membership;
    private final CourseAccess courseAccess;

    CourseContentPolicy(Membership membership, CourseAccess courseAccess) {
        this.membership = membership;
        this.courseAccess = courseAccess;
    }

    @Override
    public Condition<CourseContent> readable() {
        return membership.readable(content -> content.get(CourseContent_.course).get(Course_.id));
    }

    @Override
    public void checkChange(CourseContent courseContent) {
        if (!courseAccess.teaches(courseContent.course)) {
            throw Refusal.forbidden("Only the course's instructor or an admin manages its content.");
        }
    }

    /** The course an item is written into: 422 when the caller may not see it, 403 when they do not teach it. */
    Course courseToWrite(UUID courseId) {
        return courseAccess.taughtNamed(courseId, "Only the course's instructor or an admin manages its content.");
    }
}
