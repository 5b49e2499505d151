package dev.lms.content;

import dev.lms.access.Caller;
import dev.lms.course.CourseAccess;
import dev.lms.course.Course_;
import dev.lms.crud.CrudService;
import dev.lms.crud.MergePatch;
import dev.lms.crud.Page;
import dev.lms.crud.PageResult;
import dev.lms.crud.Rows;
import dev.lms.crud.Sorting;
import dev.lms.persistence.Condition;
import dev.lms.persistence.OrderBy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * Course content, as its callers may see it: that of the courses the caller teaches or is enrolled in
 * ({@code Membership#readable}). The course's instructor (or an admin) manages it; students only read.
 */
@ApplicationScoped
@Transactional
public class CourseContentService extends CrudService<CourseContent, CourseContentRequest, CourseContentResponse> {

    static final Sorting SORTING = Sorting.of("title", "type", "position", "createdAt", "updatedAt");

    /** A course's outline, in the order its items are placed (the index on course_id, position serves it). */
    static final List<OrderBy> IN_POSITION = List.of(OrderBy.asc("position"), OrderBy.asc("id"));

    private final CourseContentPolicy policy;
    private final CourseAccess courseAccess;

    public CourseContentService(
            CourseContentPolicy policy, MergePatch mergePatch, Caller caller, CourseAccess courseAccess) {
        super(
                new Rows<>(CourseContent.class, "course content", policy, caller),
                mergePatch,
                CourseContentRequest.class,
                CourseContentRequest::of,
                CourseContentResponse::of);
        this.policy = policy;
        this.courseAccess = courseAccess;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<CourseContentResponse> list(UUID courseId, ContentType type, Page page) {
        Condition<CourseContent> where = policy.readable()
                .and(Condition.equalIfPresent(
                        content -> content.get(CourseContent_.course).get(Course_.id), courseId))
                .and(Condition.equalIfPresent(content -> content.get(CourseContent_.type), type));
        return rows.page(where, SORTING.parse(page), page, CourseContentResponse::of);
    }

    /**
     * A course's content by position unless {@code sort} says otherwise; 404 for a course that does not exist or that
     * the caller may not see.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<CourseContentResponse> ofCourse(UUID courseId, Page page) {
        List<OrderBy> order = SORTING.parse(page, IN_POSITION);
        Condition<CourseContent> where = policy.readable()
                .and(Condition.equal(
                        content -> content.get(CourseContent_.course).get(Course_.id), courseId));
        return courseAccess.pageOf(courseId, rows.page(where, order, page, CourseContentResponse::of));
    }

    public CourseContentResponse create(CourseContentRequest request) {
        return insert(new CourseContent(), request);
    }

    @Override
    protected void copy(CourseContentRequest request, CourseContent item) {
        if (item.course == null || !item.course.id.equals(request.courseId())) {
            item.course = policy.courseToWrite(request.courseId());
        }
        item.title = request.title();
        item.type = request.type();
        item.content = request.content();
        item.fileUrl = request.fileUrl();
        item.position = request.position() == null ? 0 : request.position();
    }
}
