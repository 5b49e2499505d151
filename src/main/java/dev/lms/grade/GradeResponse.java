package dev.lms.grade;

import dev.lms.web.Versioned;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record GradeResponse(
        UUID id,
        UUID submissionId,
        BigDecimal score,
        @Schema(nullable = true) String feedback,
        @Schema(nullable = true) UUID gradedById,
        Instant createdAt,
        Instant updatedAt,
        long version)
        implements Versioned {

    /** Reads only the submission's and grader's ids, which the lazy references hold without loading either. */
    static GradeResponse of(Grade grade) {
        return new GradeResponse(
                grade.id,
                grade.submission.id,
                grade.score,
                grade.feedback,
                grade.gradedBy == null ? null : grade.gradedBy.id,
                grade.createdAt,
                grade.updatedAt,
                grade.version);
    }
}
