package dev.lms.content;

import dev.lms.web.Versioned;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CourseContentResponse(
        UUID id,
        UUID courseId,
        String title,
        ContentType type,
        @Schema(nullable = true) String content,
        @Schema(nullable = true) String fileUrl,
        int position,
        Instant createdAt,
        Instant updatedAt,
        long version)
        implements Versioned {

    /** Reads only the course's id, which the lazy reference holds without loading the course. */
    static CourseContentResponse of(CourseContent item) {
        return new CourseContentResponse(
                item.id,
                item.course.id,
                item.title,
                item.type,
                item.content,
                item.fileUrl,
                item.position,
                item.createdAt,
                item.updatedAt,
                item.version);
    }
}
