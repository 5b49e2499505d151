package dev.lms.content;

import dev.lms.web.HttpUrl;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of POST and PUT /course-content, and the shape a merge patch is applied to.
 *
 * @param position where the item appears in its course, from 0; defaults to 0 when left out
 */
public record CourseContentRequest(
        @NotNull UUID courseId,

        @NotBlank @Size(max = CourseContentConstraints.TITLE_MAX, message = "must be at most {max} characters") String title,

        @NotNull ContentType type,

        @Size(max = CourseContentConstraints.CONTENT_MAX, message = "must be at most {max} characters") String content,

        @Pattern(regexp = HttpUrl.PATTERN, message = HttpUrl.MESSAGE) @Schema(pattern = HttpUrl.SCHEMA_PATTERN)
        @Size(max = CourseContentConstraints.FILE_URL_MAX, message = "must be at most {max} characters") String fileUrl,

        @Min(value = 0, message = "must be 0 or more") @Schema(defaultValue = "0")
        Integer position) {

    /** The current state of an item as a request, for merge patches. */
    static CourseContentRequest of(CourseContent item) {
        return new CourseContentRequest(
                item.course.id, item.title, item.type, item.content, item.fileUrl, item.position);
    }
}
