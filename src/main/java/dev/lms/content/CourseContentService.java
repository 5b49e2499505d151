package dev.lms.content;

import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lms.course.Course;
import dev.lms.persistence.ConditionalDelete;
import dev.lms.persistence.References;
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

@ApplicationScoped
@Transactional
public class CourseContentService {

    static final Sorting SORTING = Sorting.of("title", "type", "position", "createdAt", "updatedAt");

    /** A course's outline, in the order its items are placed (the index on course_id, position serves it). */
    static final Sort IN_POSITION = Sort.by("position").and("id");

    private final MergePatch mergePatch;

    public CourseContentService(MergePatch mergePatch) {
        this.mergePatch = mergePatch;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<CourseContentResponse> list(UUID courseId, ContentType type, PageRequest page) {
        Where where = new Where()
                .and("course.id = :courseId", "courseId", courseId)
                .and("type = :type", "type", type);
        return page.fetch(CourseContent.find(where.query(), SORTING.parse(page), where.parameters()), CourseContentResponse::of);
    }

    /** A course's content by position unless {@code sort} says otherwise; 404 for an unknown course. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<CourseContentResponse> ofCourse(UUID courseId, PageRequest page) {
        Sort sort = page.sort == null || page.sort.isBlank() ? IN_POSITION : SORTING.parse(page);
        PageResult<CourseContentResponse> result = page.fetch(CourseContent.find("course.id", sort, courseId),
                CourseContentResponse::of);
        // Only an empty course needs the extra look-up: any item proves the course exists.
        if (result.total() == 0 && Course.count("id", courseId) == 0) {
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
        copy(request, item);
        // The foreign key decides whether the course exists: flushed here, a dangling id is this call's 422.
        item.persistAndFlush();
        return CourseContentResponse.of(item);
    }

    public CourseContentResponse replace(UUID id, CourseContentRequest request, IfMatch ifMatch) {
        CourseContent item = find(id);
        ifMatch.check(item.version);
        return update(item, request);
    }

    public CourseContentResponse patch(UUID id, JsonNode patch, IfMatch ifMatch) throws JsonProcessingException {
        CourseContent item = find(id);
        ifMatch.check(item.version);
        return update(item, mergePatch.apply(CourseContentRequest.of(item), patch, CourseContentRequest.class));
    }

    public void delete(UUID id, IfMatch ifMatch) {
        if (!ConditionalDelete.byId(CourseContent.class, id, ifMatch)) {
            throw ProblemException.notFound("course content", id);
        }
    }

    private CourseContentResponse update(CourseContent item, CourseContentRequest request) {
        copy(request, item);
        item.flush();
        return CourseContentResponse.of(item);
    }

    private static void copy(CourseContentRequest request, CourseContent item) {
        item.course = References.to(Course.class, request.courseId());
        item.title = request.title();
        item.type = request.type();
        item.content = request.content();
        item.fileUrl = request.fileUrl();
        item.position = request.position() == null ? 0 : request.position();
    }

    private static CourseContent find(UUID id) {
        CourseContent item = CourseContent.findById(id);
        if (item == null) {
            throw ProblemException.notFound("course content", id);
        }
        return item;
    }
}
