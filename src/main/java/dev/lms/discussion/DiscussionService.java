package dev.lms.discussion;

import dev.lms.access.Caller;
import dev.lms.access.Membership;
import dev.lms.course.Course_;
import dev.lms.crud.CrudService;
import dev.lms.crud.ExpectedVersion;
import dev.lms.crud.MergePatch;
import dev.lms.crud.Page;
import dev.lms.crud.PageResult;
import dev.lms.crud.Rows;
import dev.lms.crud.Sorting;
import dev.lms.persistence.Condition;
import dev.lms.persistence.References;
import dev.lms.user.User;
import dev.lms.user.User_;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Discussions, as their callers may see them: those of the courses the caller teaches or is enrolled in
 * ({@link Membership#readable}). As in Canvas, whoever reads a course may start a discussion in it; its author edits
 * it, and the course's instructor (or an admin) edits, moves and deletes any of them. A student does not delete even
 * their own discussion: that would take everyone's posts with it.
 */
@ApplicationScoped
@Transactional
public class DiscussionService extends CrudService<Discussion, DiscussionRequest, DiscussionResponse> {

    static final Sorting SORTING = Sorting.of("title", "createdAt", "updatedAt");

    private final DiscussionPolicy policy;
    private final Caller caller;

    public DiscussionService(DiscussionPolicy policy, MergePatch mergePatch, Caller caller) {
        super(
                new Rows<>(Discussion.class, "discussion", policy, caller),
                mergePatch,
                DiscussionRequest.class,
                DiscussionRequest::of,
                DiscussionResponse::of);
        this.policy = policy;
        this.caller = caller;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<DiscussionResponse> list(UUID courseId, UUID authorId, Page page) {
        Condition<Discussion> where = policy.readable()
                .and(Condition.equalIfPresent(
                        discussion -> discussion.get(Discussion_.course).get(Course_.id), courseId))
                .and(Condition.equalIfPresent(
                        discussion -> discussion.get(Discussion_.author).get(User_.id), authorId));
        return rows.page(where, SORTING.parse(page), page, DiscussionResponse::of);
    }

    public DiscussionResponse create(DiscussionRequest request) {
        Discussion discussion = new Discussion();
        discussion.course = policy.courseToWrite(request.courseId());
        discussion.author = References.to(User.class, policy.author(request.authorId(), caller.id()));
        return insert(discussion, request);
    }

    /** Deletes a discussion with one statement; PostgreSQL's ON DELETE CASCADE removes its posts. */
    @Override
    public void delete(UUID id, ExpectedVersion ifMatch) {
        if (!caller.isAdmin()) {
            policy.checkDelete(rows.find(id));
        }
        rows.deleteChecked(id, ifMatch);
    }

    @Override
    protected DiscussionResponse update(Discussion discussion, DiscussionRequest request) {
        if (!discussion.course.id.equals(request.courseId())) {
            discussion.course = policy.destination(discussion, request.courseId());
        }
        UUID authorId = discussion.author == null ? null : discussion.author.id;
        discussion.author = References.to(User.class, policy.author(request.authorId(), authorId));
        return super.update(discussion, request);
    }

    @Override
    protected void copy(DiscussionRequest request, Discussion discussion) {
        discussion.title = request.title();
        discussion.content = request.content();
    }
}
