package dev.lms.discussion;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
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
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Posts and the reply tree they form. The tree stays a tree: a post's parent is in the same discussion, a post never
 * moves to another discussion (its replies would be left in the old one), and a post cannot be moved under itself or
 * one of its own replies.
 */
@ApplicationScoped
@Transactional
public class DiscussionPostService {

    static final Sorting SORTING = Sorting.of("createdAt", "updatedAt");

    private final MergePatch mergePatch;

    public DiscussionPostService(MergePatch mergePatch) {
        this.mergePatch = mergePatch;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<DiscussionPostResponse> list(UUID discussionId, UUID authorId, UUID parentId, PageRequest page) {
        Where where = new Where()
                .and("discussion.id = :discussionId", "discussionId", discussionId)
                .and("author.id = :authorId", "authorId", authorId)
                .and("parent.id = :parentId", "parentId", parentId);
        return page.fetch(DiscussionPost.find(where.query(), SORTING.parse(page), where.parameters()),
                DiscussionPostResponse::of);
    }

    /**
     * The whole thread, replies nested under their parent and oldest first at every level, in one query however deep
     * it is, plus one to tell an empty discussion from a missing one.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ThreadedPost> thread(UUID discussionId) {
        List<DiscussionPost> posts = DiscussionPost.list("discussion.id", Sort.by("createdAt").and("id"), discussionId);
        if (posts.isEmpty() && Discussion.count("id", discussionId) == 0) {
            throw ProblemException.notFound("discussion", discussionId);
        }
        return DiscussionThread.of(posts);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DiscussionPostResponse get(UUID id) {
        return DiscussionPostResponse.of(find(id));
    }

    public DiscussionPostResponse create(DiscussionPostRequest request) {
        DiscussionPost post = new DiscussionPost();
        post.discussion = References.to(Discussion.class, request.discussionId());
        post.parent = parent(request.parentId(), request.discussionId());
        copy(request, post);
        // The foreign keys decide whether the discussion and author exist: flushed here, a dangling id is this call's 422.
        post.persistAndFlush();
        return DiscussionPostResponse.of(post);
    }

    public DiscussionPostResponse replace(UUID id, DiscussionPostRequest request, IfMatch ifMatch) {
        DiscussionPost post = find(id);
        ifMatch.check(post.version);
        return update(post, request);
    }

    public DiscussionPostResponse patch(UUID id, JsonNode patch, IfMatch ifMatch) throws JsonProcessingException {
        DiscussionPost post = find(id);
        ifMatch.check(post.version);
        return update(post, mergePatch.apply(DiscussionPostRequest.of(post), patch, DiscussionPostRequest.class));
    }

    /** Deletes a post with one statement; PostgreSQL's ON DELETE CASCADE removes its replies, and theirs. */
    public void delete(UUID id, IfMatch ifMatch) {
        if (!ConditionalDelete.byId(DiscussionPost.class, id, ifMatch)) {
            throw ProblemException.notFound("discussion post", id);
        }
    }

    private DiscussionPostResponse update(DiscussionPost post, DiscussionPostRequest request) {
        if (!post.discussion.id.equals(request.discussionId())) {
            throw ProblemException.unprocessable("discussionId",
                    "A post cannot move to another discussion; post it there anew.");
        }
        UUID currentParentId = post.parent == null ? null : post.parent.id;
        if (!Objects.equals(currentParentId, request.parentId())) {
            DiscussionPost parent = parent(request.parentId(), request.discussionId());
            refuseCycle(post, request.parentId());
            post.parent = parent;
        }
        copy(request, post);
        post.flush();
        return DiscussionPostResponse.of(post);
    }

    private static void copy(DiscussionPostRequest request, DiscussionPost post) {
        post.author = References.to(User.class, request.authorId());
        post.content = request.content();
    }

    /** The schema cannot say that a parent is in the same discussion; only this check knows. */
    private static DiscussionPost parent(UUID parentId, UUID discussionId) {
        if (parentId == null) {
            return null;
        }
        DiscussionPost parent = DiscussionPost.findById(parentId);
        if (parent == null) {
            throw ProblemException.unprocessable("parentId", "No post with id " + parentId + ".");
        }
        if (!parent.discussion.id.equals(discussionId)) {
            throw ProblemException.unprocessable("parentId",
                    "Post " + parentId + " belongs to another discussion; a reply stays in its parent's discussion.");
        }
        return parent;
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
        entityManager.createNativeQuery("SELECT 1 FROM discussions WHERE id = :id FOR NO KEY UPDATE")
                .setParameter("id", post.discussion.id)
                .getResultList();
        boolean underItself = (Boolean) entityManager.createNativeQuery("""
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
            throw ProblemException.unprocessable("parentId",
                    "A post cannot be moved under itself or one of its own replies.");
        }
    }

    private static DiscussionPost find(UUID id) {
        DiscussionPost post = DiscussionPost.findById(id);
        if (post == null) {
            throw ProblemException.notFound("discussion post", id);
        }
        return post;
    }
}
