package dev.lms.assignment;

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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Assignments, as their callers may see them: those of the courses the caller teaches or is enrolled in
 * ({@code Membership#readable}), every one for an ADMIN. Only the course's instructor or an ADMIN creates, changes
 * and deletes them.
 */
@ApplicationScoped
@Transactional
public class AssignmentService extends CrudService<Assignment, AssignmentRequest, AssignmentResponse> {

    static final Sorting SORTING = Sorting.of("title", "dueDate", "points", "createdAt", "updatedAt");

    private final AssignmentPolicy policy;
    private final CourseAccess courseAccess;

    public AssignmentService(AssignmentPolicy policy, MergePatch mergePatch, Caller caller, CourseAccess courseAccess) {
        super(
                new Rows<>(Assignment.class, "assignment", policy, caller),
                mergePatch,
                AssignmentRequest.class,
                AssignmentRequest::of,
                AssignmentResponse::of);
        this.policy = policy;
        this.courseAccess = courseAccess;
    }

    /**
     * @param dueAfter  keeps assignments due at or after this instant
     * @param dueBefore keeps assignments due before this instant; with {@code dueAfter}, a half-open window that
     *                  consecutive windows tile without overlap. Either one leaves out assignments with no due date.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<AssignmentResponse> list(UUID courseId, Instant dueBefore, Instant dueAfter, Page page) {
        Condition<Assignment> where = policy.readable()
                .and(Condition.equalIfPresent(
                        assignment -> assignment.get(Assignment_.course).get(Course_.id), courseId))
                .and(Condition.ifPresent(
                        dueBefore,
                        before -> (assignment, query, builder) ->
                                builder.lessThan(assignment.get(Assignment_.dueDate), before)))
                .and(Condition.ifPresent(
                        dueAfter,
                        after -> (assignment, query, builder) ->
                                builder.greaterThanOrEqualTo(assignment.get(Assignment_.dueDate), after)));
        return rows.page(where, SORTING.parse(page), page, AssignmentResponse::of);
    }

    /**
     * A course's assignments in two statements at most: the count, which also proves the course exists and that the
     * caller may see it (404 otherwise), and the page. Whoever sees a course sees all its assignments.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<AssignmentResponse> listForCourse(UUID courseId, Page page) {
        long total = Queries.countUnder(
                        Course.class,
                        courseAccess.readable(courseId),
                        Assignment.class,
                        Assignment_.course,
                        Condition.all())
                .orElseThrow(() -> Refusal.notFound("course", courseId));
        Condition<Assignment> where =
                Condition.equal(assignment -> assignment.get(Assignment_.course).get(Course_.id), courseId);
        return rows.page(where, SORTING.parse(page), page, total, AssignmentResponse::of);
    }

    public AssignmentResponse create(AssignmentRequest request) {
        policy.checkCreate();
        return insert(new Assignment(), request);
    }

    @Override
    protected void copy(AssignmentRequest request, Assignment assignment) {
        if (assignment.course == null || !assignment.course.id.equals(request.courseId())) {
            policy.checkCourse(request.courseId());
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
}
