package dev.lms.assignment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lms.auth.Caller;
import dev.lms.auth.CourseAccess;
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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Assignments, as their callers may see them: those of the courses the caller teaches or is enrolled in
 * ({@link CourseAccess#readable}), every one for an ADMIN. Only the course's instructor or an ADMIN creates, changes
 * and deletes them.
 */
@ApplicationScoped
@Transactional
public class AssignmentService {

    static final Sorting SORTING = Sorting.of("title", "dueDate", "points", "createdAt", "updatedAt");

    private final MergePatch mergePatch;
    private final Caller caller;

    public AssignmentService(MergePatch mergePatch, Caller caller) {
        this.mergePatch = mergePatch;
        this.caller = caller;
    }

    /**
     * @param dueAfter  keeps assignments due at or after this instant
     * @param dueBefore keeps assignments due before this instant; with {@code dueAfter}, a half-open window that
     *                  consecutive windows tile without overlap. Either one leaves out assignments with no due date.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<AssignmentResponse> list(UUID courseId, Instant dueBefore, Instant dueAfter, PageRequest page) {
        Where where = CourseAccess.readable(caller, "course.id")
                .andIfPresent("course.id = :courseId", "courseId", courseId)
                .andIfPresent("dueDate < :dueBefore", "dueBefore", dueBefore)
                .andIfPresent("dueDate >= :dueAfter", "dueAfter", dueAfter);
        return page.fetch(
                Assignment.find(where.query(), SORTING.parse(page), where.parameters()), AssignmentResponse::of);
    }

    /**
     * A course's assignments in two statements at most: the count, which also proves the course exists and that the
     * caller may see it (404 otherwise), and the page. Whoever sees a course sees all its assignments.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<AssignmentResponse> listForCourse(UUID courseId, PageRequest page) {
        Where course = CourseAccess.readable(caller, "c.id").and("c.id = :id", "id", courseId);
        long total = course
                .bind(Course.getEntityManager()
                        .createQuery(
                                "select count(a) from Course c left join c.assignments a where " + course.query()
                                        + " group by c.id",
                                Long.class))
                .getResultList()
                .stream()
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("course", courseId));
        return page.fetch(Assignment.find("course.id", SORTING.parse(page), courseId), total, AssignmentResponse::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AssignmentResponse get(UUID id) {
        return AssignmentResponse.of(find(id));
    }

    public AssignmentResponse create(AssignmentRequest request) {
        if (caller.isStudent()) {
            throw ProblemException.forbidden("Only a course's instructor or an admin creates assignments.");
        }
        Assignment assignment = new Assignment();
        copy(request, assignment);
        // Flushed here so that an unknown course surfaces from this call as a 422.
        assignment.persistAndFlush();
        return AssignmentResponse.of(assignment);
    }

    public AssignmentResponse replace(UUID id, AssignmentRequest request, IfMatch ifMatch) {
        Assignment assignment = findManaged(id);
        ifMatch.check(assignment.version);
        return update(assignment, request);
    }

    public AssignmentResponse patch(UUID id, JsonNode patch, IfMatch ifMatch) throws JsonProcessingException {
        Assignment assignment = findManaged(id);
        ifMatch.check(assignment.version);
        return update(assignment, mergePatch.apply(AssignmentRequest.of(assignment), patch, AssignmentRequest.class));
    }

    /** Deletes an assignment with one statement; PostgreSQL cascades to its submissions and their grades. */
    public void delete(UUID id, IfMatch ifMatch) {
        if (!caller.isAdmin()) {
            findManaged(id);
        }
        if (!ConditionalDelete.byId(Assignment.class, id, ifMatch)) {
            throw ProblemException.notFound("assignment", id);
        }
    }

    private AssignmentResponse update(Assignment assignment, AssignmentRequest request) {
        copy(request, assignment);
        assignment.flush();
        return AssignmentResponse.of(assignment);
    }

    private void copy(AssignmentRequest request, Assignment assignment) {
        boolean sameCourse = assignment.course != null && assignment.course.id.equals(request.courseId());
        if (!sameCourse && !CourseAccess.teaches(caller, request.courseId())) {
            // The same answer as for a course that does not exist, so that its existence does not leak.
            throw ProblemException.unprocessable(
                    "courseId", "No course with id " + request.courseId() + " that you teach.");
        }
        assignment.title = request.title();
        assignment.description = request.description();
        // PostgreSQL keeps microseconds: truncating here makes this response show what a later read will.
        assignment.dueDate =
                request.dueDate() == null ? null : request.dueDate().truncatedTo(ChronoUnit.MICROS);
        assignment.points = request.points();
        // A reference, not a load: the foreign key proves the course exists, and a dangling id is a 422.
        assignment.course = Course.getEntityManager().getReference(Course.class, request.courseId());
    }

    /** @throws ProblemException 404 for an assignment that does not exist or that the caller may not see */
    private Assignment find(UUID id) {
        Where where = CourseAccess.readable(caller, "course.id").and("id = :id", "id", id);
        return Assignment.<Assignment>find(where.query(), where.parameters())
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("assignment", id));
    }

    /** @throws ProblemException 404 as {@link #find}; 403 when the caller sees the assignment but does not teach its course */
    private Assignment findManaged(UUID id) {
        Assignment assignment = find(id);
        if (!CourseAccess.teaches(caller, assignment.course.id)) {
            throw ProblemException.forbidden(
                    "Only the course's instructor or an admin changes or deletes its assignments.");
        }
        return assignment;
    }
}
