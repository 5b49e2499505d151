package dev.lms.discussion;

import dev.lms.web.Versioned;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record DiscussionPostResponse(
        UUID id,
        UUID discussionId,
        @Schema(nullable = true) UUID authorId,
        @Schema(nullable = true) UUID parentId,
        String content,
        Instant createdAt,
        Instant updatedAt,
        long version)
        implements Versioned {

    /** Reads only the ids of the discussion, author and parent, which the lazy references hold without loading them. */
    static DiscussionPostResponse of(DiscussionPost post) {
        return new DiscussionPostResponse(
                post.id,
                post.discussion.id,
                post.author == null ? null : post.author.id,
                post.parent == null ? null : post.parent.id,
                post.content,
                post.createdAt,
                post.updatedAt,
                post.version);
    }
}
