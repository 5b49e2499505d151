package dev.lms.announcement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * The body of POST and PUT /announcements, and the shape a merge patch is applied to.
 *
 * @param authorId optional: an announcement outlives its author's account (the foreign key sets it to null), so one
 *                 without an author must still round-trip through PUT and PATCH
 */
public record AnnouncementRequest(
        @NotNull UUID courseId,
        UUID authorId,

        @NotBlank @Size(max = AnnouncementConstraints.TITLE_MAX, message = "must be at most {max} characters") String title,

        @Size(max = AnnouncementConstraints.CONTENT_MAX, message = "must be at most {max} characters") String content) {

    /** The current state of an announcement as a request, for merge patches. */
    static AnnouncementRequest of(Announcement announcement) {
        return new AnnouncementRequest(
                announcement.course.id,
                announcement.author == null ? null : announcement.author.id,
                announcement.title,
                announcement.content);
    }
}
