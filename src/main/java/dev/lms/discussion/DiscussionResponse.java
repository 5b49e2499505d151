package dev.lms.discussion;

import dev.lms.web.Versioned;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record DiscussionResponse(
        UUID id,
        UUID courseId,
        @Schema(nullable = true) UUID authorId,
        String title,
        @Schema(nullable = true) String content,
        Instant createdAt,
        Instant updatedAt,
        long version)
        implements Versioned {

    /** Reads only the ids of the course and author, which the lazy references hold without loading them. */
    static DiscussionResponse of(Discussion discussion) {
        return new DiscussionResponse(
                discussion.id,
                discussion.course.id,
                discussion.author == null ? null : discussion.author.id,
                discussion.title,
                discussion.content,
                discussion.createdAt,
                discussion.updatedAt,
                discussion.version);
    }
}
