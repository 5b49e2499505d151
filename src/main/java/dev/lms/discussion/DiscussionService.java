package dev.lms.discussion;

import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lms.course.Course;
import dev.lms.persistence.ConditionalDelete;
import dev.lms.persistence.References;
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
public class DiscussionService {

    static final Sorting SORTING = Sorting.of("title", "createdAt", "updatedAt");

    private final MergePatch mergePatch;

    public DiscussionService(MergePatch mergePatch) {
        this.mergePatch = mergePatch;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<DiscussionResponse> list(UUID courseId, UUID authorId, PageRequest page) {
        Where where = new Where()
                .and("course.id = :courseId", "courseId", courseId)
                .and("author.id = :authorId", "authorId", authorId);
        return page.fetch(Discussion.find(where.query(), SORTING.parse(page), where.parameters()), DiscussionResponse::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DiscussionResponse get(UUID id) {
        return DiscussionResponse.of(find(id));
    }

    public DiscussionResponse create(DiscussionRequest request) {
        Discussion discussion = new Discussion();
        copy(request, discussion);
        // The foreign keys decide whether the course and author exist: flushed here, a dangling id is this call's 422.
        discussion.persistAndFlush();
        return DiscussionResponse.of(discussion);
    }

    public DiscussionResponse replace(UUID id, DiscussionRequest request, IfMatch ifMatch) {
        Discussion discussion = find(id);
        ifMatch.check(discussion.version);
        return update(discussion, request);
    }

    public DiscussionResponse patch(UUID id, JsonNode patch, IfMatch ifMatch) throws JsonProcessingException {
        Discussion discussion = find(id);
        ifMatch.check(discussion.version);
        return update(discussion, mergePatch.apply(DiscussionRequest.of(discussion), patch, DiscussionRequest.class));
    }

    /** Deletes a discussion with one statement; PostgreSQL's ON DELETE CASCADE removes its posts. */
    public void delete(UUID id, IfMatch ifMatch) {
        if (!ConditionalDelete.byId(Discussion.class, id, ifMatch)) {
            throw ProblemException.notFound("discussion", id);
        }
    }

    private DiscussionResponse update(Discussion discussion, DiscussionRequest request) {
        copy(request, discussion);
        discussion.flush();
        return DiscussionResponse.of(discussion);
    }

    private static void copy(DiscussionRequest request, Discussion discussion) {
        discussion.course = References.to(Course.class, request.courseId());
        discussion.author = References.to(User.class, request.authorId());
        discussion.title = request.title();
        discussion.content = request.content();
    }

    private static Discussion find(UUID id) {
        Discussion discussion = Discussion.findById(id);
        if (discussion == null) {
            throw ProblemException.notFound("discussion", id);
        }
        return discussion;
    }
}
