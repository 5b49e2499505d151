package dev.lms.course;

import dev.lms.web.Versioned;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CourseResponse(
        UUID id,
        String code,
        String title,
        @Schema(nullable = true) String description,
        @Schema(nullable = true) String semester,
        boolean active,
        @Schema(nullable = true) String thumbnailUrl,
        UUID instructorId,
        Instant createdAt,
        Instant updatedAt,
        long version)
        implements Versioned {

    /** Reads only the instructor's id, which the lazy reference holds without loading the user. */
    static CourseResponse of(Course course) {
        return new CourseResponse(
                course.id,
                course.code,
                course.title,
                course.description,
                course.semester,
                course.active,
                course.thumbnailUrl,
                course.instructor.id,
                course.createdAt,
                course.updatedAt,
                course.version);
    }
}
