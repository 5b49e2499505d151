package dev.lms.course;

import dev.lms.access.Caller;
import dev.lms.access.UserRole;
import dev.lms.crud.CrudService;
import dev.lms.crud.MergePatch;
import dev.lms.crud.Page;
import dev.lms.crud.PageResult;
import dev.lms.crud.Refusal;
import dev.lms.crud.Rows;
import dev.lms.crud.Sorting;
import dev.lms.persistence.Condition;
import dev.lms.user.User;
import dev.lms.user.User_;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Courses, as {@link CoursePolicy} lets their callers see and change them. Deleting a course is one statement:
 * PostgreSQL's ON DELETE CASCADE removes its enrollments, assignments, submissions, grades, discussions, posts,
 * announcements and content.
 */
@ApplicationScoped
@Transactional
public class CourseService extends CrudService<Course, CourseRequest, CourseResponse> {

    static final Sorting SORTING = Sorting.of("code", "title", "semester", "active", "createdAt", "updatedAt");

    private final CoursePolicy policy;

    public CourseService(CoursePolicy policy, MergePatch mergePatch, Caller caller) {
        super(
                new Rows<>(Course.class, "course", policy, caller),
                mergePatch,
                CourseRequest.class,
                CourseRequest::of,
                CourseResponse::of);
        this.policy = policy;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<CourseResponse> list(UUID instructorId, Boolean active, String semester, Page page) {
        Condition<Course> where = policy.readable()
                .and(Condition.equalIfPresent(
                        course -> course.get(Course_.instructor).get(User_.id), instructorId))
                .and(Condition.equalIfPresent(course -> course.get(Course_.active), active))
                .and(Condition.equalIfPresent(course -> course.get(Course_.semester), semester));
        return rows.page(where, SORTING.parse(page), page, CourseResponse::of);
    }

    public CourseResponse create(CourseRequest request) {
        policy.checkCreate();
        return insert(new Course(), request);
    }

    @Override
    protected void copy(CourseRequest request, Course course) {
        UUID instructorId = policy.instructorId(request.instructorId());
        course.code = request.code();
        course.title = request.title();
        course.description = request.description();
        course.semester = request.semester();
        course.active = request.active() == null || request.active();
        course.thumbnailUrl = request.thumbnailUrl();
        if (course.instructor == null || !course.instructor.id.equals(instructorId)) {
            course.instructor = instructor(instructorId);
        }
    }

    /**
     * The foreign key proves the user exists; only this check knows a course must be taught by an INSTRUCTOR or an
     * ADMIN. Both answer 422, naming the field.
     */
    private static User instructor(UUID instructorId) {
        User instructor = User.findById(instructorId);
        if (instructor == null) {
            throw Refusal.unprocessable("instructorId", "No user with id " + instructorId + ".");
        }
        if (instructor.role == UserRole.STUDENT) {
            throw Refusal.unprocessable(
                    "instructorId",
                    "User " + instructorId + " is a STUDENT; a course is taught by an INSTRUCTOR or an ADMIN.");
        }
        return instructor;
    }
}
