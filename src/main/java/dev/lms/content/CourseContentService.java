package dev.lms.content;

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
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Course content, as its callers may see it: that of the courses the caller teaches or is enrolled in
 * ({@link CourseAccess#readable}). The course's instructor (or an admin) manages it; students only read.
 */
@ApplicationScoped
@Transactional
public class CourseContentService {

    static final Sorting SORTING = Sorting.of("title", "type", "position", "createdAt", "updatedAt");

    /** A course's outline, in the order its items are placed (the index on course_id, position serves it). */
    static final Sort IN_POSITION = Sort.by("position").and("id");

    private final MergePatch mergePatch;
    private final Caller caller;

    public CourseContentService(MergePatch mergePatch, Caller caller) {
        this.mergePatch = mergePatch;
        this.caller = caller;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<CourseContentResponse> list(UUID courseId, ContentType type, PageRequest page) {
        Where where = CourseAccess.readable(caller, "course.id")
                .andIfPresent("course.id = :courseId", "courseId", courseId)
                .andIfPresent("type = :type", "type", type);
        return page.fetch(
                CourseContent.find(where.query(), SORTING.parse(page), where.parameters()), CourseContentResponse::of);
    }

    /**
     * A course's content by position unless {@code sort} says otherwise; 404 for a course that does not exist or that
     * the caller may not see.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<CourseContentResponse> ofCourse(UUID courseId, PageRequest page) {
        Sort sort = page.sort == null || page.sort.isBlank() ? IN_POSITION : SORTING.parse(page);
        Where where = CourseAccess.readable(caller, "course.id").and("course.id = :courseId", "courseId", courseId);
        PageResult<CourseContentResponse> result =
                page.fetch(CourseContent.find(where.query(), sort, where.parameters()), CourseContentResponse::of);
        // Only an empty page needs the extra look-up: any item proves the course exists and is readable.
        if (result.total() == 0 && !CourseAccess.canRead(caller, courseId)) {
            throw ProblemException.notFound("course", courseId);
        }
        return result;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CourseContentResponse get(UUID id) {
        return CourseContentResponse.of(find(id));
    }

    public CourseContentResponse create(CourseContentRequest request) {
        CourseContent item = new CourseContent();
        item.course = managedCourse(request.courseId());
        copy(request, item);
        // Flushed here, so that a broken constraint is this call's error and the response carries what the insert
        // wrote.
        item.persistAndFlush();
        return CourseContentResponse.of(item);
    }

    public CourseContentResponse replace(UUID id, CourseContentRequest request, IfMatch ifMatch) {
        CourseContent item = findManaged(id);
        ifMatch.check(item.version);
        return update(item, request);
    }

    public CourseContentResponse patch(UUID id, JsonNode patch, IfMatch ifMatch) throws JsonProcessingException {
        CourseContent item = findManaged(id);
        ifMatch.check(item.version);
        return update(item, mergePatch.apply(CourseContentRequest.of(item), patch, CourseContentRequest.class));
    }

    public void delete(UUID id, IfMatch ifMatch) {
        if (!caller.isAdmin()) {
            findManaged(id);
        }
        if (!ConditionalDelete.byId(CourseContent.class, id, ifMatch)) {
            throw ProblemException.notFound("course content", id);
        }
    }

    private CourseContentResponse update(CourseContent item, CourseContentRequest request) {
        if (!item.course.id.equals(request.courseId())) {
            item.course = managedCourse(request.courseId());
        }
        copy(request, item);
        item.flush();
        return CourseContentResponse.of(item);
    }

    private static void copy(CourseContentRequest request, CourseContent item) {
        item.title = request.title();
        item.type = request.type();
        item.content = request.content();
        item.fileUrl = request.fileUrl();
        item.position = request.position() == null ? 0 : request.position();
    }

    /** The course an item is placed in: 422 when the caller may not see it, 403 when they do not teach it. */
    private Course managedCourse(UUID courseId) {
        Course course = CourseAccess.named(caller, courseId);
        if (!CourseAccess.teaches(caller, course)) {
            throw ProblemException.forbidden("Only the course's instructor or an admin manages its content.");
        }
        return course;
    }

    /** @throws ProblemException 404 for an item that does not exist or that the caller may not see */
    private CourseContent find(UUID id) {
        Where where = CourseAccess.readable(caller, "course.id").and("id = :id", "id", id);
        return CourseContent.<CourseContent>find(where.query(), where.parameters())
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("course content", id));
    }

    /** @throws ProblemException 404 as {@link #find}; 403 when the caller may see it but does not teach its course */
    private CourseContent findManaged(UUID id) {
        CourseContent item = find(id);
        if (!CourseAccess.teaches(caller, item.course)) {
            throw ProblemException.forbidden("Only the course's instructor or an admin manages its content.");
        }
        return item;
    }
}
