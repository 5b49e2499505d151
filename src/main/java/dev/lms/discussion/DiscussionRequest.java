package dev.lms.discussion;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * The body of POST and PUT /discussions, and the shape a merge patch is applied to.
 *
 * @param authorId optional: a discussion outlives its author's account (the foreign key sets it to null), so a
 *                 discussion without one must still round-trip through PUT and PATCH
 */
public record DiscussionRequest(
        @NotNull UUID courseId,
        UUID authorId,

        @NotBlank @Size(max = DiscussionConstraints.TITLE_MAX, message = "must be at most {max} characters") String title,

        @Size(max = DiscussionConstraints.CONTENT_MAX, message = "must be at most {max} characters") String content) {

    /** The current state of a discussion as a request, for merge patches. */
    static DiscussionRequest of(Discussion discussion) {
        return new DiscussionRequest(
                discussion.course.id,
                discussion.author == null ? null : discussion.author.id,
                discussion.title,
                discussion.content);
    }
}
