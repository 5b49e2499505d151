package dev.lms.assignment;

import dev.lms.web.Versioned;
import java.time.Instant;
import java.util.UUID;

public record AssignmentResponse(
        UUID id,
        UUID courseId,
        String title,
        String description,
        Instant dueDate,
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
