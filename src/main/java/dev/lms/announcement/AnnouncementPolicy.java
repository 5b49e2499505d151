package dev.lms.announcement;

import dev.lms.access.Caller;
import dev.lms.access.Membership;
import dev.lms.course.Course;
import dev.lms.course.CourseAccess;
import dev.lms.course.Course_;
import dev.lms.crud.Ownership;
import dev.lms.crud.Policy;
import dev.lms.crud.Refusal;
import dev.lms.persistence.Condition;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Announcements: whoever reads a course (its instructor, its students, an ADMIN) reads its announcements. The
 * course's instructor or an admin writes, changes and deletes them, in their own name unless they are an admin.
 */
@ApplicationScoped
public class AnnouncementPolicy implements Policy<Announcement> {

    private final Caller caller;
    private final Membership membership;
    private final CourseAccess courseAccess;

    AnnouncementPolicy(Caller caller, Membership membership, CourseAccess courseAccess) {
        this.caller = caller;
        this.membership = membership;
        this.courseAccess = courseAccess;
    }

    @Override
    public Condition<Announcement> readable() {
        return membership.readable(
                announcement -> announcement.get(Announcement_.course).get(Course_.id));
    }

    @Override
    public void checkChange(Announcement announcement) {
        if (!courseAccess.teaches(announcement.course)) {
            throw Refusal.forbidden("Only the course's instructor or an admin changes or deletes its announcements.");
        }
    }

    /** The course an announcement is written into: 422 when the caller may not see it, 403 when they do not teach it. */
    Course courseToWrite(UUID courseId) {
        return courseAccess.taughtNamed(courseId, "Only the course's instructor or an admin writes its announcements.");
    }

    /** The author to store: see {@link Ownership}; {@code current} is the caller on create, the author on edit. */
    UUID author(UUID requested, UUID current) {
        return Ownership.of(caller, "authorId", requested, current);
    }
}
