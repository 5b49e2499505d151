package dev.lms.announcement;

import dev.lms.web.Versioned;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record AnnouncementResponse(
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
    static AnnouncementResponse of(Announcement announcement) {
        return new AnnouncementResponse(
                announcement.id,
                announcement.course.id,
                announcement.author == null ? null : announcement.author.id,
                announcement.title,
                announcement.content,
                announcement.createdAt,
                announcement.updatedAt,
                announcement.version);
    }
}
