package dev.lms.content;

import dev.lms.access.Caller;
import dev.lms.access.Membership;
import dev.lms.course.Course;
import dev.lms.course.CourseAccess;
import dev.lms.crud.Policy;
import dev.lms.crud.Refusal;
import dev.lms.persistence.Where;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Course content: whoever reads a course reads its content; the course's instructor or an admin manages it.
 */
@ApplicationScoped
public class CourseContentPolicy implements Policy<CourseContent> {

    private final Caller caller;

    CourseContentPolicy(Caller caller) {
        this.caller = caller;
    }

    @Override
    public Where readable() {
        return Membership.readable(caller, "course.id");
    }

    @Override
    public void checkChange(CourseContent courseContent) {
        if (!CourseAccess.teaches(caller, courseContent.course)) {
            throw Refusal.forbidden("Only the course's instructor or an admin manages its content.");
        }
    }

    /** The course an item is written into: 422 when the caller may not see it, 403 when they do not teach it. */
    Course courseToWrite(UUID courseId) {
        return CourseAccess.taughtNamed(
                caller, courseId, "Only the course's instructor or an admin manages its content.");
    }
}
