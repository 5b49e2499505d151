package dev.lms.course;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of POST and PUT /courses, and the shape a merge patch is applied to.
 *
 * @param active       defaults to true when left out
 * @param instructorId a user who is an INSTRUCTOR or ADMIN (422 otherwise)
 */
public record CourseRequest(
        @NotBlank String code,
        @NotBlank String title,
        String description,
        String semester,
        @Schema(defaultValue = "true") Boolean active,
        @Pattern(regexp = "(?i)https?://\\S+", message = "must be an http or https URL") String thumbnailUrl,
        @NotNull UUID instructorId) {

    /** The current state of a course as a request, for merge patches. */
    static CourseRequest of(Course course) {
        return new CourseRequest(course.code, course.title, course.description, course.semester, course.active,
                course.thumbnailUrl, course.instructor.id);
    }
}
