package dev.lms.enrollment;

import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
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

@ApplicationScoped
@Transactional
public class EnrollmentService {

    static final Sorting SORTING = Sorting.of("enrolledAt", "createdAt", "updatedAt");

    private final MergePatch mergePatch;

    public EnrollmentService(MergePatch mergePatch) {
        this.mergePatch = mergePatch;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<EnrollmentResponse> list(UUID userId, UUID courseId, PageRequest page) {
        Where where = new Where()
                .and("user.id = :userId", "userId", userId)
                .and("course.id = :courseId", "courseId", courseId);
        return page.fetch(Enrollment.find(where.query(), SORTING.parse(page), where.parameters()), EnrollmentResponse::of);
    }

    /** A course's enrollments in two statements at most: the count, which also proves the course exists, and the page. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<EnrollmentResponse> listForCourse(UUID courseId, PageRequest page) {
        long total = Course.getEntityManager()
                .createQuery("select count(e) from Course c left join c.enrollments e where c.id = :id group by c.id", Long.class)
                .setParameter("id", courseId)
                .getResultList().stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("course", courseId));
        return page.fetch(Enrollment.find("course.id", SORTING.parse(page), courseId), total, EnrollmentResponse::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public EnrollmentResponse get(UUID id) {
        return EnrollmentResponse.of(find(id));
    }

    public EnrollmentResponse enroll(UUID userId, UUID courseId) {
        Enrollment enrollment = new Enrollment();
        copy(new EnrollmentRequest(userId, courseId), enrollment);
        // Flushed here so that a duplicate or a dangling id surfaces from this call, as a 409 or a 422.
        enrollment.persistAndFlush();
        return EnrollmentResponse.of(enrollment);
    }

    public EnrollmentResponse replace(UUID id, EnrollmentRequest request, IfMatch ifMatch) {
        Enrollment enrollment = find(id);
        ifMatch.check(enrollment.version);
        return update(enrollment, request);
    }

    public EnrollmentResponse patch(UUID id, JsonNode patch, IfMatch ifMatch) throws JsonProcessingException {
        Enrollment enrollment = find(id);
        ifMatch.check(enrollment.version);
        return update(enrollment, mergePatch.apply(EnrollmentRequest.of(enrollment), patch, EnrollmentRequest.class));
    }

    /** Unenrolls with one statement; the user's submissions stay (they belong to the assignment, not the enrollment). */
    public void delete(UUID id, IfMatch ifMatch) {
        if (!ConditionalDelete.byId(Enrollment.class, id, ifMatch)) {
            throw ProblemException.notFound("enrollment", id);
        }
    }

    private static EnrollmentResponse update(Enrollment enrollment, EnrollmentRequest request) {
        copy(request, enrollment);
        enrollment.flush();
        return EnrollmentResponse.of(enrollment);
    }

    /**
     * References, not loads: the foreign keys are the proof that the user and the course exist, and a dangling id is
     * a 422 naming the field (see {@link EnrollmentConstraints}), at no extra query.
     */
    private static void copy(EnrollmentRequest request, Enrollment enrollment) {
        enrollment.user = User.getEntityManager().getReference(User.class, request.userId());
        enrollment.course = Course.getEntityManager().getReference(Course.class, request.courseId());
    }

    private static Enrollment find(UUID id) {
        Enrollment enrollment = Enrollment.findById(id);
        if (enrollment == null) {
            throw ProblemException.notFound("enrollment", id);
        }
        return enrollment;
    }
}
