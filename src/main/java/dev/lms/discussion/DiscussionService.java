package dev.lms.discussion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lms.auth.Caller;
import dev.lms.auth.CourseAccess;
import dev.lms.auth.Ownership;
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
import java.util.UUID;

/**
 * Discussions, as their callers may see them: those of the courses the caller teaches or is enrolled in
 * ({@link CourseAccess#readable}). As in Canvas, whoever reads a course may start a discussion in it; its author edits
 * it, and the course's instructor (or an admin) edits, moves and deletes any of them. A student does not delete even
 * their own discussion: that would take everyone's posts with it.
 */
@ApplicationScoped
@Transactional
public class DiscussionService {

    static final Sorting SORTING = Sorting.of("title", "createdAt", "updatedAt");

    private final MergePatch mergePatch;
    private final Caller caller;

    public DiscussionService(MergePatch mergePatch, Caller caller) {
        this.mergePatch = mergePatch;
        this.caller = caller;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<DiscussionResponse> list(UUID courseId, UUID authorId, PageRequest page) {
        Where where = CourseAccess.readable(caller, "course.id")
                .andIfPresent("course.id = :courseId", "courseId", courseId)
                .andIfPresent("author.id = :authorId", "authorId", authorId);
        return page.fetch(
                Discussion.find(where.query(), SORTING.parse(page), where.parameters()), DiscussionResponse::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DiscussionResponse get(UUID id) {
        return DiscussionResponse.of(find(id));
    }

    public DiscussionResponse create(DiscussionRequest request) {
        Discussion discussion = new Discussion();
        discussion.course = CourseAccess.named(caller, request.courseId());
        discussion.author =
                References.to(User.class, Ownership.of(caller, "authorId", request.authorId(), caller.id()));
        copy(request, discussion);
        // The author's foreign key decides whether they exist: flushed here, a dangling authorId is this call's 422.
        discussion.persistAndFlush();
        return DiscussionResponse.of(discussion);
    }

    public DiscussionResponse replace(UUID id, DiscussionRequest request, IfMatch ifMatch) {
        Discussion discussion = findEditable(id);
        ifMatch.check(discussion.version);
        return update(discussion, request);
    }

    public DiscussionResponse patch(UUID id, JsonNode patch, IfMatch ifMatch) throws JsonProcessingException {
        Discussion discussion = findEditable(id);
        ifMatch.check(discussion.version);
        return update(discussion, mergePatch.apply(DiscussionRequest.of(discussion), patch, DiscussionRequest.class));
    }

    /** Deletes a discussion with one statement; PostgreSQL's ON DELETE CASCADE removes its posts. */
    public void delete(UUID id, IfMatch ifMatch) {
        if (!caller.isAdmin() && !CourseAccess.teaches(caller, find(id).course)) {
            throw ProblemException.forbidden(
                    "Only the course's instructor or an admin deletes a discussion, with everyone's posts in it.");
        }
        if (!ConditionalDelete.byId(Discussion.class, id, ifMatch)) {
            throw ProblemException.notFound("discussion", id);
        }
    }

    private DiscussionResponse update(Discussion discussion, DiscussionRequest request) {
        if (!discussion.course.id.equals(request.courseId())) {
            discussion.course = destination(discussion, request.courseId());
        }
        UUID authorId = discussion.author == null ? null : discussion.author.id;
        discussion.author = References.to(User.class, Ownership.of(caller, "authorId", request.authorId(), authorId));
        copy(request, discussion);
        discussion.flush();
        return DiscussionResponse.of(discussion);
    }

    private static void copy(DiscussionRequest request, Discussion discussion) {
        discussion.title = request.title();
        discussion.content = request.content();
    }

    /** Moving a discussion, posts and all, is the instructor's: of the course it leaves, and of the one it joins. */
    private Course destination(Discussion discussion, UUID courseId) {
        Course course = CourseAccess.named(caller, courseId);
        if (!CourseAccess.teaches(caller, discussion.course) || !CourseAccess.teaches(caller, course)) {
            throw ProblemException.forbidden("Only the instructor of both courses, or an admin, moves a discussion.");
        }
        return course;
    }

    /** @throws ProblemException 404 for a discussion that does not exist or that the caller may not see */
    private Discussion find(UUID id) {
        Where where = CourseAccess.readable(caller, "course.id").and("id = :id", "id", id);
        return Discussion.<Discussion>find(where.query(), where.parameters())
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("discussion", id));
    }

    /** @throws ProblemException 404 as {@link #find}; 403 unless the caller wrote it or teaches its course */
    private Discussion findEditable(UUID id) {
        Discussion discussion = find(id);
        boolean author = discussion.author != null && caller.is(discussion.author.id);
        if (!author && !CourseAccess.teaches(caller, discussion.course)) {
            throw ProblemException.forbidden(
                    "Only its author, the course's instructor or an admin edits a discussion.");
        }
        return discussion;
    }
}
