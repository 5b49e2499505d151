package dev.lms.enrollment;

import dev.lms.web.Versioned;
import java.time.Instant;
import java.util.UUID;

public record EnrollmentResponse(
        UUID id, UUID userId, UUID courseId, Instant enrolledAt, Instant createdAt, Instant updatedAt, long version)
        implements Versioned {

    /** Reads only the user's and course's ids, which the lazy references hold without loading either. */
    static EnrollmentResponse of(Enrollment enrollment) {
        return new EnrollmentResponse(
                enrollment.id,
                enrollment.user.id,
                enrollment.course.id,
                enrollment.enrolledAt,
                enrollment.createdAt,
                enrollment.updatedAt,
                enrollment.version);
    }
}
