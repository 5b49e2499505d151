package dev.lms.course;

import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lms.persistence.ConditionalDelete;
import dev.lms.persistence.Where;
import dev.lms.user.User;
import dev.lms.user.UserRole;
import dev.lms.web.IfMatch;
import dev.lms.web.MergePatch;
import dev.lms.web.PageRequest;
import dev.lms.web.PageResult;
import dev.lms.web.ProblemException;
import dev.lms.web.Sorting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

@ApplicationScoped
@Transactional
public class CourseService {

    static final Sorting SORTING = Sorting.of("code", "title", "semester", "active", "createdAt", "updatedAt");

    private final MergePatch mergePatch;

    public CourseService(MergePatch mergePatch) {
        this.mergePatch = mergePatch;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<CourseResponse> list(UUID instructorId, Boolean active, String semester, PageRequest page) {
        Where where = new Where()
                .and("instructor.id = :instructorId", "instructorId", instructorId)
                .and("active = :active", "active", active)
                .and("semester = :semester", "semester", semester);
        return page.fetch(Course.find(where.query(), SORTING.parse(page), where.parameters()), CourseResponse::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CourseResponse get(UUID id) {
        return CourseResponse.of(find(id));
    }

    public CourseResponse create(CourseRequest request) {
        Course course = new Course();
        copy(request, course);
        // Flushed here so that a duplicate code surfaces from this call, and the response carries what the insert wrote.
        course.persistAndFlush();
        return CourseResponse.of(course);
    }

    public CourseResponse replace(UUID id, CourseRequest request, IfMatch ifMatch) {
        Course course = find(id);
        ifMatch.check(course.version);
        return update(course, request);
    }

    public CourseResponse patch(UUID id, JsonNode patch, IfMatch ifMatch) throws JsonProcessingException {
        Course course = find(id);
        ifMatch.check(course.version);
        return update(course, mergePatch.apply(CourseRequest.of(course), patch, CourseRequest.class));
    }

    /**
     * Deletes a course with one statement. PostgreSQL's ON DELETE CASCADE removes its enrollments, assignments,
     * submissions, grades, discussions, posts, announcements and content.
     */
    public void delete(UUID id, IfMatch ifMatch) {
        if (!ConditionalDelete.byId(Course.class, id, ifMatch)) {
            throw ProblemException.notFound("course", id);
        }
    }

    /** @return whether a course was deleted */
    public boolean delete(UUID courseId) {
        return ConditionalDelete.byId(Course.class, courseId, IfMatch.ANY);
    }

    private CourseResponse update(Course course, CourseRequest request) {
        copy(request, course);
        course.flush();
        return CourseResponse.of(course);
    }

    private static void copy(CourseRequest request, Course course) {
        course.code = request.code();
        course.title = request.title();
        course.description = request.description();
        course.semester = request.semester();
        course.active = request.active() == null || request.active();
        course.thumbnailUrl = request.thumbnailUrl();
        if (course.instructor == null || !course.instructor.id.equals(request.instructorId())) {
            course.instructor = instructor(request.instructorId());
        }
    }

    /**
     * The foreign key proves the user exists; only this check knows a course must be taught by an INSTRUCTOR or an
     * ADMIN. Both answer 422, naming the field.
     */
    private static User instructor(UUID instructorId) {
        User instructor = User.findById(instructorId);
        if (instructor == null) {
            throw ProblemException.unprocessable("instructorId", "No user with id " + instructorId + ".");
        }
        if (instructor.role == UserRole.STUDENT) {
            throw ProblemException.unprocessable("instructorId",
                    "User " + instructorId + " is a STUDENT; a course is taught by an INSTRUCTOR or an ADMIN.");
        }
        return instructor;
    }

    private static Course find(UUID id) {
        Course course = Course.findById(id);
        if (course == null) {
            throw ProblemException.notFound("course", id);
        }
        return course;
    }
}
