package dev.lms.course;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lms.access.Caller;
import dev.lms.access.UserRole;
import dev.lms.crud.ExpectedVersion;
import dev.lms.crud.MergePatch;
import dev.lms.crud.Page;
import dev.lms.crud.PageResult;
import dev.lms.crud.Refusal;
import dev.lms.crud.Rows;
import dev.lms.crud.Sorting;
import dev.lms.persistence.Where;
import dev.lms.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** Courses, as {@link CoursePolicy} lets their callers see and change them. */
@ApplicationScoped
@Transactional
public class CourseService {

    static final Sorting SORTING = Sorting.of("code", "title", "semester", "active", "createdAt", "updatedAt");

    private final Rows<Course> rows;
    private final CoursePolicy policy;
    private final MergePatch mergePatch;

    public CourseService(CoursePolicy policy, MergePatch mergePatch, Caller caller) {
        this.rows = new Rows<>(
                Course.class,
                "course",
                (query, sort, parameters) -> Course.find(query, sort, parameters),
                policy,
                caller);
        this.policy = policy;
        this.mergePatch = mergePatch;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<CourseResponse> list(UUID instructorId, Boolean active, String semester, Page page) {
        Where where = policy.readable()
                .andIfPresent("instructor.id = :instructorId", "instructorId", instructorId)
                .andIfPresent("active = :active", "active", active)
                .andIfPresent("semester = :semester", "semester", semester);
        return rows.page(where, SORTING.parse(page), page, CourseResponse::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CourseResponse get(UUID id) {
        return CourseResponse.of(rows.find(id));
    }

    public CourseResponse create(CourseRequest request) {
        policy.checkCreate();
        Course course = new Course();
        copy(request, course);
        // Flushed here so that a duplicate code surfaces from this call, and the response carries what the insert
        // wrote.
        course.persistAndFlush();
        return CourseResponse.of(course);
    }

    public CourseResponse replace(UUID id, CourseRequest request, ExpectedVersion ifMatch) {
        return update(rows.findForChange(id, ifMatch), request);
    }

    public CourseResponse patch(UUID id, JsonNode patch, ExpectedVersion ifMatch) throws JsonProcessingException {
        Course course = rows.findForChange(id, ifMatch);
        return update(course, mergePatch.apply(CourseRequest.of(course), patch, CourseRequest.class));
    }

    /**
     * Deletes a course with one statement. PostgreSQL's ON DELETE CASCADE removes its enrollments, assignments,
     * submissions, grades, discussions, posts, announcements and content.
     */
    public void delete(UUID id, ExpectedVersion ifMatch) {
        rows.delete(id, ifMatch);
    }

    private CourseResponse update(Course course, CourseRequest request) {
        copy(request, course);
        course.flush();
        return CourseResponse.of(course);
    }

    private void copy(CourseRequest request, Course course) {
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
