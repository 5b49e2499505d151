package dev.lms.submission;

import dev.lms.web.Versioned;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record SubmissionResponse(
        UUID id,
        UUID assignmentId,
        UUID studentId,
        @Schema(nullable = true) String content,
        @Schema(nullable = true) String fileUrl,
        Instant submittedAt,
        Instant createdAt,
        Instant updatedAt,
        long version)
        implements Versioned {

    /** Reads only the assignment's and student's ids, which the lazy references hold without loading either. */
    static SubmissionResponse of(Submission submission) {
        return new SubmissionResponse(
                submission.id,
                submission.assignment.id,
                submission.student.id,
                submission.content,
                submission.fileUrl,
                submission.submittedAt,
                submission.createdAt,
                submission.updatedAt,
                submission.version);
    }
}
