package dev.lms.discussion;

import dev.lms.web.Versioned;
import java.time.Instant;
import java.util.UUID;

public record DiscussionResponse(
        UUID id,
        UUID courseId,
        UUID authorId,
        String title,
        String content,
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
