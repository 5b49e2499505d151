package dev.lms.assignment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/**
 * The body of POST and PUT /assignments, and the shape a merge patch is applied to.
 *
 * @param courseId the course it belongs to (422 if there is none)
 * @param dueDate  optional; an ISO-8601 instant such as 2026-01-31T23:59:00Z
 * @param points   the most a grade may give (a score above it is a 422)
 */
public record AssignmentRequest(
        @NotNull UUID courseId,

        @NotBlank @Size(max = AssignmentConstraints.TITLE_MAX, message = "must be at most {max} characters") String title,

        @Size(max = AssignmentConstraints.DESCRIPTION_MAX, message = "must be at most {max} characters") String description,

        Instant dueDate,
        @NotNull @Positive Integer points) {

    /** The current state of an assignment as a request, for merge patches. */
    static AssignmentRequest of(Assignment assignment) {
        return new AssignmentRequest(
                assignment.course.id, assignment.title, assignment.description, assignment.dueDate, assignment.points);
    }
}
