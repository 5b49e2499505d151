package dev.lms.assignment;

import dev.lms.web.Versioned;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record AssignmentResponse(
        UUID id,
        UUID courseId,
        String title,
        @Schema(nullable = true) String description,
        @Schema(nullable = true) Instant dueDate,
        int points,
        Instant createdAt,
        Instant updatedAt,
        long version)
        implements Versioned {

    /** Reads only the course's id, which the lazy reference holds without loading the course. */
    static AssignmentResponse of(Assignment assignment) {
        return new AssignmentResponse(
                assignment.id,
                assignment.course.id,
                assignment.title,
                assignment.description,
                assignment.dueDate,
                assignment.points,
                assignment.createdAt,
                assignment.updatedAt,
                assignment.version);
    }
}
