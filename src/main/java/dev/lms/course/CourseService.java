package dev.lms.course;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lms.auth.Caller;
import dev.lms.auth.CourseAccess;
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
import java.util.UUID;

/**
 * Courses, as their callers may see them: an ADMIN every course, an INSTRUCTOR the courses they teach, a STUDENT the
 * courses they are enrolled in ({@link CourseAccess#readable}). Instructors manage their own courses; students only read.
 */
@ApplicationScoped
@Transactional
public class CourseService {

    static final Sorting SORTING = Sorting.of("code", "title", "semester", "active", "createdAt", "updatedAt");

    private final MergePatch mergePatch;
    private final Caller caller;

    public CourseService(MergePatch mergePatch, Caller caller) {
        this.mergePatch = mergePatch;
        this.caller = caller;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<CourseResponse> list(UUID instructorId, Boolean active, String semester, PageRequest page) {
        Where where = CourseAccess.readable(caller, "id")
                .andIfPresent("instructor.id = :instructorId", "instructorId", instructorId)
                .andIfPresent("active = :active", "active", active)
                .andIfPresent("semester = :semester", "semester", semester);
        return page.fetch(Course.find(where.query(), SORTING.parse(page), where.parameters()), CourseResponse::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CourseResponse get(UUID id) {
        return CourseResponse.of(find(id));
    }

    public CourseResponse create(CourseRequest request) {
        if (caller.isStudent()) {
            throw ProblemException.forbidden("Only instructors and admins create courses.");
        }
        Course course = new Course();
        copy(request, course);
        // Flushed here so that a duplicate code surfaces from this call, and the response carries what the insert
        // wrote.
        course.persistAndFlush();
        return CourseResponse.of(course);
    }

    public CourseResponse replace(UUID id, CourseRequest request, IfMatch ifMatch) {
        Course course = findManaged(id);
        ifMatch.check(course.version);
        return update(course, request);
    }

    public CourseResponse patch(UUID id, JsonNode patch, IfMatch ifMatch) throws JsonProcessingException {
        Course course = findManaged(id);
        ifMatch.check(course.version);
        return update(course, mergePatch.apply(CourseRequest.of(course), patch, CourseRequest.class));
    }

    /**
     * Deletes a course with one statement. PostgreSQL's ON DELETE CASCADE removes its enrollments, assignments,
     * submissions, grades, discussions, posts, announcements and content.
     */
    public void delete(UUID id, IfMatch ifMatch) {
        if (!caller.isAdmin()) {
            findManaged(id);
        }
        if (!ConditionalDelete.byId(Course.class, id, ifMatch)) {
            throw ProblemException.notFound("course", id);
        }
    }

    private CourseResponse update(Course course, CourseRequest request) {
        copy(request, course);
        course.flush();
        return CourseResponse.of(course);
    }

    private void copy(CourseRequest request, Course course) {
        UUID instructorId = instructorId(request);
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
     * An ADMIN names the instructor. An INSTRUCTOR teaches the courses they create and edit: they may leave the
     * field out, and may not name anyone else (who would then own a course its creator still manages, or lose it).
     */
    private UUID instructorId(CourseRequest request) {
        if (caller.isAdmin()) {
            if (request.instructorId() == null) {
                throw ProblemException.badRequest("instructorId", "must not be null");
            }
            return request.instructorId();
        }
        if (request.instructorId() != null && !caller.is(request.instructorId())) {
            throw ProblemException.forbidden("An instructor can only teach their own courses: instructorId must be "
                    + "your own id, or left out.");
        }
        return caller.id();
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
            throw ProblemException.unprocessable(
                    "instructorId",
                    "User " + instructorId + " is a STUDENT; a course is taught by an INSTRUCTOR or an ADMIN.");
        }
        return instructor;
    }

    /** @throws ProblemException 404 for a course that does not exist or that the caller may not see */
    private Course find(UUID id) {
        Where where = CourseAccess.readable(caller, "id").and("id = :id", "id", id);
        return Course.<Course>find(where.query(), where.parameters())
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("course", id));
    }

    /** @throws ProblemException 404 as {@link #find}; 403 when the caller may see the course but does not teach it */
    private Course findManaged(UUID id) {
        Course course = find(id);
        if (!CourseAccess.teaches(caller, course)) {
            throw ProblemException.forbidden("Only the course's instructor or an admin may change or delete it.");
        }
        return course;
    }
}
