package dev.lms.course;

import dev.lms.web.HttpUrl;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of POST and PUT /courses, and the shape a merge patch is applied to.
 *
 * @param active       defaults to true when left out
 * @param instructorId a user who is an INSTRUCTOR or ADMIN (422 otherwise). Required from an ADMIN; an INSTRUCTOR
 *                     may leave it out, since they teach the courses they create (any other id is a 403)
 */
public record CourseRequest(
        @NotBlank @Size(max = CourseConstraints.CODE_MAX, message = "must be at most {max} characters") String code,

        @NotBlank @Size(max = CourseConstraints.TITLE_MAX, message = "must be at most {max} characters") String title,

        @Size(max = CourseConstraints.DESCRIPTION_MAX, message = "must be at most {max} characters") String description,

        @Size(max = CourseConstraints.SEMESTER_MAX, message = "must be at most {max} characters") String semester,

        @Schema(defaultValue = "true") Boolean active,

        @Pattern(regexp = HttpUrl.PATTERN, message = HttpUrl.MESSAGE) @Schema(pattern = HttpUrl.SCHEMA_PATTERN)
        @Size(max = CourseConstraints.THUMBNAIL_URL_MAX, message = "must be at most {max} characters") String thumbnailUrl,

        @Schema(description = "Required from an ADMIN; an INSTRUCTOR may leave it out: they teach the course.")
        UUID instructorId) {

    /** The current state of a course as a request, for merge patches. */
    static CourseRequest of(Course course) {
        return new CourseRequest(
                course.code,
                course.title,
                course.description,
                course.semester,
                course.active,
                course.thumbnailUrl,
                course.instructor.id);
    }
}
