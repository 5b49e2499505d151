package dev.lms.enrollment;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/**
 * The body of POST and PUT /enrollments, and the shape a merge patch is applied to. {@code enrolledAt} is not part
 * of it: the server records when the enrollment was made.
 *
 * @param userId   the user taking the course (422 if there is none)
 * @param courseId the course (422 if there is none)
 */
public record EnrollmentRequest(
        @NotNull UUID userId, @NotNull UUID courseId) {

    /** The current state of an enrollment as a request, for merge patches. */
    static EnrollmentRequest of(Enrollment enrollment) {
        return new EnrollmentRequest(enrollment.user.id, enrollment.course.id);
    }
}
