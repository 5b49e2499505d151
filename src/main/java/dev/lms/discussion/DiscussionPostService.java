package dev.lms.discussion;

import dev.lms.access.Caller;
import dev.lms.crud.CrudService;
import dev.lms.crud.MergePatch;
import dev.lms.crud.Page;
import dev.lms.crud.PageResult;
import dev.lms.crud.Refusal;
import dev.lms.crud.Rows;
import dev.lms.crud.Sorting;
import dev.lms.persistence.AuditedEntity;
import dev.lms.persistence.Condition;
import dev.lms.persistence.OrderBy;
import dev.lms.persistence.Queries;
import dev.lms.persistence.References;
import dev.lms.user.User;
import dev.lms.user.User_;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.query.SelectionQuery;

/**
 * Posts and the reply tree they form. The tree stays a tree: a post's parent is in the same discussion, a post never
 * moves to another discussion (its replies would be left in the old one), and a post cannot be moved under itself or
 * one of its own replies.
 * <p>
 * Whoever reads a discussion's course ({@code Membership#readable}) reads its posts and posts in it, in their own
 * name. A post's author edits and deletes it; the course's instructor (or an admin) moderates any post.
 */
@ApplicationScoped
@Transactional
public class DiscussionPostService extends CrudService<DiscussionPost, DiscussionPostRequest, DiscussionPostResponse> {

    static final Sorting SORTING = Sorting.of("createdAt", "updatedAt");
    static final List<OrderBy> OLDEST_FIRST = List.of(OrderBy.asc("createdAt"), OrderBy.asc("id"));

    private final DiscussionPostPolicy policy;
    private final Caller caller;

    public DiscussionPostService(DiscussionPostPolicy policy, MergePatch mergePatch, Caller caller) {
        super(
                new Rows<>(DiscussionPost.class, "discussion post", policy, caller),
                mergePatch,
                DiscussionPostRequest.class,
                DiscussionPostRequest::of,
                DiscussionPostResponse::of);
        this.policy = policy;
        this.caller = caller;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<DiscussionPostResponse> list(UUID discussionId, UUID authorId, UUID parentId, Page page) {
        Condition<DiscussionPost> where = policy.readable()
                .and(Condition.equalIfPresent(
                        post -> post.get(DiscussionPost_.discussion).get(Discussion_.id), discussionId))
                .and(Condition.equalIfPresent(
                        post -> post.get(DiscussionPost_.author).get(User_.id), authorId))
                .and(Condition.equalIfPresent(
                        post -> post.get(DiscussionPost_.parent).get(DiscussionPost_.id), parentId));
        return rows.page(where, SORTING.parse(page), page, DiscussionPostResponse::of);
    }

    /**
     * The whole thread, replies nested under their parent and oldest first at every level, in one query however deep
     * it is, plus one to tell an empty discussion from a missing (or unreadable) one. A discussion of more than
     * {@link DiscussionConstraints#MAX_THREAD_POSTS} posts shows its oldest ones, and one more statement counts them all.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public DiscussionThread thread(UUID discussionId) {
        Condition<DiscussionPost> where = policy.readable()
                .and(Condition.equal(
                        post -> post.get(DiscussionPost_.discussion).get(Discussion_.id), discussionId));
        SelectionQuery<DiscussionPost> query = Queries.select(DiscussionPost.class, where, OLDEST_FIRST);
        List<DiscussionPost> posts =
                query.setMaxResults(DiscussionConstraints.MAX_THREAD_POSTS + 1).getResultList();
        if (posts.isEmpty() && Queries.count(Discussion.class, readableDiscussion(discussionId)) == 0) {
            throw Refusal.notFound("discussion", discussionId);
        }
        long total = posts.size() > DiscussionConstraints.MAX_THREAD_POSTS ? query.getResultCount() : posts.size();
        List<DiscussionPost> shown = posts.subList(0, Math.min(posts.size(), DiscussionConstraints.MAX_THREAD_POSTS));
        return new DiscussionThread(DiscussionThread.treeOf(shown), total);
    }

    public DiscussionPostResponse create(DiscussionPostRequest request) {
        DiscussionPost post = new DiscussionPost();
        post.discussion = Queries.select(Discussion.class, readableDiscussion(request.discussionId()), List.of())
                .uniqueResultOptional()
                .orElseThrow(() -> Refusal.unprocessable("discussionId", "No discussion with this id exists."));
        post.parent = parent(request.parentId(), request.discussionId());
        if (post.parent != null) {
            refuseTooDeep(depthOf(post.parent.id) + 1);
        }
        post.author = References.to(User.class, policy.author(request.authorId(), caller.id()));
        return insert(post, request);
    }

    @Override
    protected DiscussionPostResponse update(DiscussionPost post, DiscussionPostRequest request) {
        if (!post.discussion.id.equals(request.discussionId())) {
            throw Refusal.unprocessable(
                    "discussionId", "A post cannot move to another discussion; post it there anew.");
        }
        UUID currentParentId = post.parent == null ? null : post.parent.id;
        if (!Objects.equals(currentParentId, request.parentId())) {
            DiscussionPost parent = parent(request.parentId(), request.discussionId());
            refuseCycle(post, request.parentId());
            if (parent != null) {
                refuseTooDeep(depthOf(parent.id) + heightOf(post.id));
            }
            post.parent = parent;
        }
        UUID authorId = post.author == null ? null : post.author.id;
        post.author = References.to(User.class, policy.author(request.authorId(), authorId));
        return super.update(post, request);
    }

    @Override
    protected void copy(DiscussionPostRequest request, DiscussionPost post) {
        post.content = request.content();
    }

    /**
     * The schema cannot say that a parent is in the same discussion; only this check knows. It looks only there, so a
     * post in a discussion the caller may not see is not told apart from one that does not exist.
     */
    private static DiscussionPost parent(UUID parentId, UUID discussionId) {
        if (parentId == null) {
            return null;
        }
        Condition<DiscussionPost> inDiscussion = AuditedEntity.<DiscussionPost>withId(parentId)
                .and(Condition.equal(
                        post -> post.get(DiscussionPost_.discussion).get(Discussion_.id), discussionId));
        return Queries.select(DiscussionPost.class, inDiscussion, List.of())
                .uniqueResultOptional()
                .orElseThrow(() -> Refusal.unprocessable(
                        "parentId",
                        "No post with id " + parentId + " in discussion " + discussionId
                                + "; a reply stays in its parent's discussion."));
    }

    /**
     * Refuses to move a post under itself or one of its own replies, which would cut that branch off the thread.
     * Two such moves at once could each pass the check and together close a loop, so moves within a discussion take
     * turns on its row; the ancestor walk then reads what the other committed.
     */
    private static void refuseCycle(DiscussionPost post, UUID newParentId) {
        if (newParentId == null) {
            return;
        }
        EntityManager entityManager = DiscussionPost.getEntityManager();
        entityManager
                .createNativeQuery("SELECT 1 FROM discussions WHERE id = :id FOR NO KEY UPDATE")
                .setParameter("id", post.discussion.id)
                .getResultList();
        boolean underItself = (Boolean) entityManager
                .createNativeQuery("""
                        WITH RECURSIVE ancestors(id, parent_id) AS (
                            SELECT id, parent_id FROM discussion_posts WHERE id = :parentId
                            UNION
                            SELECT p.id, p.parent_id FROM discussion_posts p JOIN ancestors a ON p.id = a.parent_id
                        )
                        SELECT EXISTS (SELECT 1 FROM ancestors WHERE id = :postId)
                        """)
                .setParameter("parentId", newParentId)
                .setParameter("postId", post.id)
                .getSingleResult();
        if (underItself) {
            throw Refusal.unprocessable("parentId", "A post cannot be moved under itself or one of its own replies.");
        }
    }

    /**
     * Replies nest at most {@link DiscussionConstraints#MAX_REPLY_DEPTH} levels, so that every thread can be shown as
     * a tree (see {@link DiscussionThread}).
     */
    private static void refuseTooDeep(int depth) {
        if (depth > DiscussionConstraints.MAX_REPLY_DEPTH) {
            throw Refusal.unprocessable(
                    "parentId",
                    "Replies nest at most " + DiscussionConstraints.MAX_REPLY_DEPTH
                            + " levels deep; reply to a post higher up the thread.");
        }
    }

    /** The level of a post (1 at the top), counted no further than one beyond the maximum. */
    private static int depthOf(UUID postId) {
        return ((Number) DiscussionPost.getEntityManager()
                        .createNativeQuery("""
                                WITH RECURSIVE chain(parent_id, depth) AS (
                                    SELECT parent_id, 1 FROM discussion_posts WHERE id = :id
                                    UNION ALL
                                    SELECT p.parent_id, c.depth + 1 FROM discussion_posts p JOIN chain c ON p.id = c.parent_id
                                     WHERE c.depth <= :max
                                )
                                SELECT max(depth) FROM chain
                                """)
                        .setParameter("id", postId)
                        .setParameter("max", DiscussionConstraints.MAX_REPLY_DEPTH)
                        .getSingleResult())
                .intValue();
    }

    /** How many levels a post and its replies span (1 without replies), counted no further than one beyond the maximum. */
    private static int heightOf(UUID postId) {
        return ((Number) DiscussionPost.getEntityManager()
                        .createNativeQuery("""
                                WITH RECURSIVE below(id, height) AS (
                                    SELECT id, 1 FROM discussion_posts WHERE id = :id
                                    UNION ALL
                                    SELECT p.id, b.height + 1 FROM discussion_posts p JOIN below b ON p.parent_id = b.id
                                     WHERE b.height <= :max
                                )
                                SELECT max(height) FROM below
                                """)
                        .setParameter("id", postId)
                        .setParameter("max", DiscussionConstraints.MAX_REPLY_DEPTH)
                        .getSingleResult())
                .intValue();
    }

    private Condition<Discussion> readableDiscussion(UUID discussionId) {
        return policy.discussions().and(AuditedEntity.withId(discussionId));
    }
}
