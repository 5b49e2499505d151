package dev.lms.enrollment;

import dev.lms.access.Caller;
import dev.lms.course.Course;
import dev.lms.course.CourseAccess;
import dev.lms.course.Course_;
import dev.lms.crud.CrudService;
import dev.lms.crud.MergePatch;
import dev.lms.crud.Page;
import dev.lms.crud.PageResult;
import dev.lms.crud.Refusal;
import dev.lms.crud.Rows;
import dev.lms.crud.Sorting;
import dev.lms.persistence.Condition;
import dev.lms.persistence.Queries;
import dev.lms.user.User;
import dev.lms.user.User_;
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
public class EnrollmentService extends CrudService<Enrollment, EnrollmentRequest, EnrollmentResponse> {

    static final Sorting SORTING = Sorting.of("enrolledAt", "createdAt", "updatedAt");

    private final EnrollmentPolicy policy;
    private final CourseAccess courseAccess;

    public EnrollmentService(EnrollmentPolicy policy, MergePatch mergePatch, Caller caller, CourseAccess courseAccess) {
        super(
                new Rows<>(Enrollment.class, "enrollment", policy, caller),
                mergePatch,
                EnrollmentRequest.class,
                EnrollmentRequest::of,
                EnrollmentResponse::of);
        this.policy = policy;
        this.courseAccess = courseAccess;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<EnrollmentResponse> list(UUID userId, UUID courseId, Page page) {
        Condition<Enrollment> where = policy.readable()
                .and(Condition.equalIfPresent(
                        enrollment -> enrollment.get(Enrollment_.user).get(User_.id), userId))
                .and(Condition.equalIfPresent(
                        enrollment -> enrollment.get(Enrollment_.course).get(Course_.id), courseId));
        return rows.page(where, SORTING.parse(page), page, EnrollmentResponse::of);
    }

    /**
     * A course's enrollments in two statements at most: the count, which also proves the course exists and that the
     * caller may see it (404 otherwise), and the page. Both count and list what the policy lets the caller see.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<EnrollmentResponse> listForCourse(UUID courseId, Page page) {
        long total = Queries.countUnder(
                        Course.class,
                        courseAccess.readable(courseId),
                        Enrollment.class,
                        Enrollment_.course,
                        policy.readable())
                .orElseThrow(() -> Refusal.notFound("course", courseId));
        Condition<Enrollment> where = policy.readable()
                .and(Condition.equal(
                        enrollment -> enrollment.get(Enrollment_.course).get(Course_.id), courseId));
        return rows.page(where, SORTING.parse(page), page, total, EnrollmentResponse::of);
    }

    public EnrollmentResponse enroll(UUID userId, UUID courseId) {
        policy.checkCreate();
        return insert(new Enrollment(), new EnrollmentRequest(userId, courseId));
    }

    /**
     * References, not loads: the foreign keys are the proof that the user and the course exist, and a dangling id is
     * a 422 naming the field (see {@link EnrollmentConstraints}), at no extra query. Which course the caller may name
     * is {@link EnrollmentPolicy#checkCourse}'s rule.
     */
    @Override
    protected void copy(EnrollmentRequest request, Enrollment enrollment) {
        if (enrollment.course == null || !enrollment.course.id.equals(request.courseId())) {
            policy.checkCourse(request.courseId());
        }
        enrollment.user = User.getEntityManager().getReference(User.class, request.userId());
        enrollment.course = Course.getEntityManager().getReference(Course.class, request.courseId());
    }
}
