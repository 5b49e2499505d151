package dev.lms.enrollment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lms.auth.Caller;
import dev.lms.auth.CourseAccess;
import dev.lms.course.Course;
import dev.lms.persistence.ConditionalDelete;
import dev.lms.persistence.Where;
import dev.lms.user.User;
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
 * Enrollments, as their callers may see them: an ADMIN every one, an INSTRUCTOR those of the courses they teach, a
 * STUDENT only their own. A student does not see who else takes a course (no roster): the class list is the
 * instructor's. Only the course's instructor or an ADMIN enrolls, moves and unenrolls.
 */
@ApplicationScoped
@Transactional
public class EnrollmentService {

    static final Sorting SORTING = Sorting.of("enrolledAt", "createdAt", "updatedAt");

    private final MergePatch mergePatch;
    private final Caller caller;

    public EnrollmentService(MergePatch mergePatch, Caller caller) {
        this.mergePatch = mergePatch;
        this.caller = caller;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<EnrollmentResponse> list(UUID userId, UUID courseId, PageRequest page) {
        Where where = visible()
                .andIfPresent("user.id = :userId", "userId", userId)
                .andIfPresent("course.id = :courseId", "courseId", courseId);
        return page.fetch(
                Enrollment.find(where.query(), SORTING.parse(page), where.parameters()), EnrollmentResponse::of);
    }

    /**
     * A course's enrollments in two statements at most: the count, which also proves the course exists and that the
     * caller may see it (404 otherwise), and the page. The join's condition is {@link #visible()} for one course.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<EnrollmentResponse> listForCourse(UUID courseId, PageRequest page) {
        Where course = CourseAccess.readable(caller, "c.id").and("c.id = :id", "id", courseId);
        // Of a course they may see, its instructor counts every enrollment, a student only their own.
        String visibleOnes = caller.isAdmin() ? "" : " on (c.instructor.id = :caller or e.user.id = :caller)";
        long total = course
                .bind(Course.getEntityManager()
                        .createQuery(
                                "select count(e) from Course c left join c.enrollments e" + visibleOnes + " where "
                                        + course.query() + " group by c.id",
                                Long.class))
                .getResultList()
                .stream()
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("course", courseId));
        Where where = visible().and("course.id = :courseId", "courseId", courseId);
        return page.fetch(
                Enrollment.find(where.query(), SORTING.parse(page), where.parameters()), total, EnrollmentResponse::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public EnrollmentResponse get(UUID id) {
        return EnrollmentResponse.of(find(id));
    }

    public EnrollmentResponse enroll(UUID userId, UUID courseId) {
        if (caller.isStudent()) {
            throw ProblemException.forbidden("Only a course's instructor or an admin enrolls users.");
        }
        Enrollment enrollment = new Enrollment();
        copy(new EnrollmentRequest(userId, courseId), enrollment);
        // Flushed here so that a duplicate or a dangling id surfaces from this call, as a 409 or a 422.
        enrollment.persistAndFlush();
        return EnrollmentResponse.of(enrollment);
    }

    public EnrollmentResponse replace(UUID id, EnrollmentRequest request, IfMatch ifMatch) {
        Enrollment enrollment = findManaged(id);
        ifMatch.check(enrollment.version);
        return update(enrollment, request);
    }

    public EnrollmentResponse patch(UUID id, JsonNode patch, IfMatch ifMatch) throws JsonProcessingException {
        Enrollment enrollment = findManaged(id);
        ifMatch.check(enrollment.version);
        return update(enrollment, mergePatch.apply(EnrollmentRequest.of(enrollment), patch, EnrollmentRequest.class));
    }

    /** Unenrolls with one statement; the user's submissions stay (they belong to the assignment, not the enrollment). */
    public void delete(UUID id, IfMatch ifMatch) {
        if (!caller.isAdmin()) {
            findManaged(id);
        }
        if (!ConditionalDelete.byId(Enrollment.class, id, ifMatch)) {
            throw ProblemException.notFound("enrollment", id);
        }
    }

    private EnrollmentResponse update(Enrollment enrollment, EnrollmentRequest request) {
        copy(request, enrollment);
        enrollment.flush();
        return EnrollmentResponse.of(enrollment);
    }

    /**
     * References, not loads: the foreign keys are the proof that the user and the course exist, and a dangling id is
     * a 422 naming the field (see {@link EnrollmentConstraints}), at no extra query. An instructor may only name a
     * course they teach; any other is the same 422 as a course that does not exist, so its existence does not leak.
     */
    private void copy(EnrollmentRequest request, Enrollment enrollment) {
        boolean sameCourse = enrollment.course != null && enrollment.course.id.equals(request.courseId());
        if (!sameCourse && !CourseAccess.teaches(caller, request.courseId())) {
            throw ProblemException.unprocessable(
                    "courseId", "No course with id " + request.courseId() + " that you teach.");
        }
        enrollment.user = User.getEntityManager().getReference(User.class, request.userId());
        enrollment.course = Course.getEntityManager().getReference(Course.class, request.courseId());
    }

    /** Every enrollment for an ADMIN; otherwise those of the courses the caller teaches, and their own. */
    private Where visible() {
        if (caller.isAdmin()) {
            return new Where();
        }
        return new Where()
                .and(
                        "(course.id in (" + CourseAccess.taughtCourseIds() + ") or user.id = :caller)",
                        CourseAccess.CALLER,
                        caller.id());
    }

    /** @throws ProblemException 404 for an enrollment that does not exist or that the caller may not see */
    private Enrollment find(UUID id) {
        Where where = visible().and("id = :id", "id", id);
        return Enrollment.<Enrollment>find(where.query(), where.parameters())
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("enrollment", id));
    }

    /** @throws ProblemException 404 as {@link #find}; 403 when the caller sees the enrollment (their own) but does not teach its course */
    private Enrollment findManaged(UUID id) {
        Enrollment enrollment = find(id);
        if (!CourseAccess.teaches(caller, enrollment.course.id)) {
            throw ProblemException.forbidden(
                    "Only the course's instructor or an admin changes or deletes its enrollments.");
        }
        return enrollment;
    }
}
