package dev.lms.announcement;

import dev.lms.web.Versioned;
import java.time.Instant;
import java.util.UUID;

public record AnnouncementResponse(
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
