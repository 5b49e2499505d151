package dev.lms.assignment;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lms.course.Course;
import dev.lms.persistence.ConditionalDelete;
import dev.lms.persistence.Where;
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
public class AssignmentService {

    static final Sorting SORTING = Sorting.of("title", "dueDate", "points", "createdAt", "updatedAt");

    private final MergePatch mergePatch;

    public AssignmentService(MergePatch mergePatch) {
        this.mergePatch = mergePatch;
    }

    /**
     * @param dueAfter  keeps assignments due at or after this instant
     * @param dueBefore keeps assignments due before this instant; with {@code dueAfter}, a half-open window that
     *                  consecutive windows tile without overlap. Either one leaves out assignments with no due date.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<AssignmentResponse> list(UUID courseId, Instant dueBefore, Instant dueAfter, PageRequest page) {
        Where where = new Where()
                .and("course.id = :courseId", "courseId", courseId)
                .and("dueDate < :dueBefore", "dueBefore", dueBefore)
                .and("dueDate >= :dueAfter", "dueAfter", dueAfter);
        return page.fetch(Assignment.find(where.query(), SORTING.parse(page), where.parameters()), AssignmentResponse::of);
    }

    /** A course's assignments in two statements at most: the count, which also proves the course exists, and the page. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<AssignmentResponse> listForCourse(UUID courseId, PageRequest page) {
        long total = Course.getEntityManager()
                .createQuery("select count(a) from Course c left join c.assignments a where c.id = :id group by c.id", Long.class)
                .setParameter("id", courseId)
                .getResultList().stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("course", courseId));
        return page.fetch(Assignment.find("course.id", SORTING.parse(page), courseId), total, AssignmentResponse::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AssignmentResponse get(UUID id) {
        return AssignmentResponse.of(find(id));
    }

    public AssignmentResponse create(AssignmentRequest request) {
        Assignment assignment = new Assignment();
        copy(request, assignment);
        // Flushed here so that an unknown course surfaces from this call as a 422.
        assignment.persistAndFlush();
        return AssignmentResponse.of(assignment);
    }

    public AssignmentResponse replace(UUID id, AssignmentRequest request, IfMatch ifMatch) {
        Assignment assignment = find(id);
        ifMatch.check(assignment.version);
        return update(assignment, request);
    }

    public AssignmentResponse patch(UUID id, JsonNode patch, IfMatch ifMatch) throws JsonProcessingException {
        Assignment assignment = find(id);
        ifMatch.check(assignment.version);
        return update(assignment, mergePatch.apply(AssignmentRequest.of(assignment), patch, AssignmentRequest.class));
    }

    /** Deletes an assignment with one statement; PostgreSQL cascades to its submissions and their grades. */
    public void delete(UUID id, IfMatch ifMatch) {
        if (!ConditionalDelete.byId(Assignment.class, id, ifMatch)) {
            throw ProblemException.notFound("assignment", id);
        }
    }

    private static AssignmentResponse update(Assignment assignment, AssignmentRequest request) {
        copy(request, assignment);
        assignment.flush();
        return AssignmentResponse.of(assignment);
    }

    private static void copy(AssignmentRequest request, Assignment assignment) {
        assignment.title = request.title();
        assignment.description = request.description();
        // PostgreSQL keeps microseconds: truncating here makes this response show what a later read will.
        assignment.dueDate = request.dueDate() == null ? null : request.dueDate().truncatedTo(ChronoUnit.MICROS);
        assignment.points = request.points();
        // A reference, not a load: the foreign key proves the course exists, and a dangling id is a 422.
        assignment.course = Course.getEntityManager().getReference(Course.class, request.courseId());
    }

    private static Assignment find(UUID id) {
        Assignment assignment = Assignment.findById(id);
        if (assignment == null) {
            throw ProblemException.notFound("assignment", id);
        }
        return assignment;
    }
}
