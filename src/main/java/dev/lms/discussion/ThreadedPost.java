package dev.lms.discussion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A post in the tree of {@code GET /discussions/{id}/posts}: the post, and its replies nested under it, oldest first.
 *
 * @param replies filled in while the tree is assembled (see {@link DiscussionThread})
 */
public record ThreadedPost(
        UUID id,
        @Schema(nullable = true) UUID authorId,
        @Schema(nullable = true) UUID parentId,
        String content,
        Instant createdAt,
        Instant updatedAt,
        long version,
        List<ThreadedPost> replies) {

    static ThreadedPost of(DiscussionPost post) {
        return new ThreadedPost(
                post.id,
                post.author == null ? null : post.author.id,
                post.parent == null ? null : post.parent.id,
                post.content,
                post.createdAt,
                post.updatedAt,
                post.version,
                new ArrayList<>());
    }
}
