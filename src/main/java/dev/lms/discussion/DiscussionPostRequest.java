package dev.lms.discussion;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * The body of POST and PUT /discussion-posts, and the shape a merge patch is applied to.
 *
 * @param discussionId fixed once the post exists: a post never moves to another discussion (422)
 * @param authorId     optional: a post outlives its author's account (the foreign key sets it to null)
 * @param parentId     the post this one replies to, in the same discussion; null for a top-level post
 */
public record DiscussionPostRequest(
        @NotNull UUID discussionId,
        UUID authorId,
        UUID parentId,

        @NotBlank @Size(max = DiscussionConstraints.POST_CONTENT_MAX, message = "must be at most {max} characters") String content) {

    /** The current state of a post as a request, for merge patches. */
    static DiscussionPostRequest of(DiscussionPost post) {
        return new DiscussionPostRequest(
                post.discussion.id,
                post.author == null ? null : post.author.id,
                post.parent == null ? null : post.parent.id,
                post.content);
    }
}
