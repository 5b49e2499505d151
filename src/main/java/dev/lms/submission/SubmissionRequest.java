package dev.lms.submission;

import dev.lms.web.HttpUrl;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of POST and PUT /submissions, and the shape a merge patch is applied to. {@code submittedAt} is not part
 * of it: the server records when the work was first submitted ({@code updatedAt} shows the last change).
 *
 * @param assignmentId the assignment (422 if there is none)
 * @param studentId    a user enrolled in the assignment's course (422 otherwise)
 * @param fileUrl      optional; an http or https URL
 */
public record SubmissionRequest(
        @NotNull UUID assignmentId,
        @NotNull UUID studentId,

        @Size(max = SubmissionConstraints.CONTENT_MAX, message = "must be at most {max} characters") String content,

        @Pattern(regexp = HttpUrl.PATTERN, message = HttpUrl.MESSAGE) @Schema(pattern = HttpUrl.SCHEMA_PATTERN)
        @Size(max = SubmissionConstraints.FILE_URL_MAX, message = "must be at most {max} characters") String fileUrl) {

    /** The current state of a submission as a request, for merge patches. */
    static SubmissionRequest of(Submission submission) {
        return new SubmissionRequest(
                submission.assignment.id, submission.student.id, submission.content, submission.fileUrl);
    }
}
