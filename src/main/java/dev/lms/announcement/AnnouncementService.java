package dev.lms.announcement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lms.auth.Caller;
import dev.lms.auth.CourseAccess;
import dev.lms.auth.Ownership;
import dev.lms.course.Course;
import dev.lms.persistence.ConditionalDelete;
import dev.lms.persistence.References;
import dev.lms.persistence.Where;
import dev.lms.user.User;
import dev.lms.web.IfMatch;
import dev.lms.web.MergePatch;
import dev.lms.web.PageRequest;
import dev.lms.web.PageResult;
import dev.lms.web.ProblemException;
import dev.lms.web.Sorting;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Announcements, as their callers may see them: those of the courses the caller teaches or is enrolled in
 * ({@link CourseAccess#readable}). The course's instructor (or an admin) writes them; students only read.
 */
@ApplicationScoped
@Transactional
public class AnnouncementService {

    static final Sorting SORTING = Sorting.of("title", "createdAt", "updatedAt");

    /** A course's page shows the latest news first (the index on course_id, created_at serves it). */
    static final Sort NEWEST_FIRST = Sort.descending("createdAt").and("id", Sort.Direction.Descending);

    private final MergePatch mergePatch;
    private final Caller caller;

    public AnnouncementService(MergePatch mergePatch, Caller caller) {
        this.mergePatch = mergePatch;
        this.caller = caller;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<AnnouncementResponse> list(UUID courseId, UUID authorId, PageRequest page) {
        Where where = CourseAccess.readable(caller, "course.id")
                .andIfPresent("course.id = :courseId", "courseId", courseId)
                .andIfPresent("author.id = :authorId", "authorId", authorId);
        return page.fetch(
                Announcement.find(where.query(), SORTING.parse(page), where.parameters()), AnnouncementResponse::of);
    }

    /**
     * A course's announcements, newest first unless {@code sort} says otherwise; 404 for a course that does not exist
     * or that the caller may not see.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<AnnouncementResponse> ofCourse(UUID courseId, PageRequest page) {
        Sort sort = page.sort == null || page.sort.isBlank() ? NEWEST_FIRST : SORTING.parse(page);
        Where where = CourseAccess.readable(caller, "course.id").and("course.id = :courseId", "courseId", courseId);
        PageResult<AnnouncementResponse> result =
                page.fetch(Announcement.find(where.query(), sort, where.parameters()), AnnouncementResponse::of);
        // Only an empty page needs the extra look-up: any announcement proves the course exists and is readable.
        if (result.total() == 0 && !CourseAccess.canRead(caller, courseId)) {
            throw ProblemException.notFound("course", courseId);
        }
        return result;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AnnouncementResponse get(UUID id) {
        return AnnouncementResponse.of(find(id));
    }

    public AnnouncementResponse create(AnnouncementRequest request) {
        Announcement announcement = new Announcement();
        announcement.course = managedCourse(request.courseId());
        announcement.author =
                References.to(User.class, Ownership.of(caller, "authorId", request.authorId(), caller.id()));
        copy(request, announcement);
        // The author's foreign key decides whether they exist: flushed here, a dangling authorId is this call's 422.
        announcement.persistAndFlush();
        return AnnouncementResponse.of(announcement);
    }

    public AnnouncementResponse replace(UUID id, AnnouncementRequest request, IfMatch ifMatch) {
        Announcement announcement = findManaged(id);
        ifMatch.check(announcement.version);
        return update(announcement, request);
    }

    public AnnouncementResponse patch(UUID id, JsonNode patch, IfMatch ifMatch) throws JsonProcessingException {
        Announcement announcement = findManaged(id);
        ifMatch.check(announcement.version);
        return update(
                announcement, mergePatch.apply(AnnouncementRequest.of(announcement), patch, AnnouncementRequest.class));
    }

    public void delete(UUID id, IfMatch ifMatch) {
        if (!caller.isAdmin()) {
            findManaged(id);
        }
        if (!ConditionalDelete.byId(Announcement.class, id, ifMatch)) {
            throw ProblemException.notFound("announcement", id);
        }
    }

    private AnnouncementResponse update(Announcement announcement, AnnouncementRequest request) {
        if (!announcement.course.id.equals(request.courseId())) {
            announcement.course = managedCourse(request.courseId());
        }
        UUID authorId = announcement.author == null ? null : announcement.author.id;
        announcement.author = References.to(User.class, Ownership.of(caller, "authorId", request.authorId(), authorId));
        copy(request, announcement);
        announcement.flush();
        return AnnouncementResponse.of(announcement);
    }

    private static void copy(AnnouncementRequest request, Announcement announcement) {
        announcement.title = request.title();
        announcement.content = request.content();
    }

    /** The course an announcement is written into: 422 when the caller may not see it, 403 when they do not teach it. */
    private Course managedCourse(UUID courseId) {
        Course course = CourseAccess.named(caller, courseId);
        if (!CourseAccess.teaches(caller, course)) {
            throw ProblemException.forbidden("Only the course's instructor or an admin writes its announcements.");
        }
        return course;
    }

    /** @throws ProblemException 404 for an announcement that does not exist or that the caller may not see */
    private Announcement find(UUID id) {
        Where where = CourseAccess.readable(caller, "course.id").and("id = :id", "id", id);
        return Announcement.<Announcement>find(where.query(), where.parameters())
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("announcement", id));
    }

    /** @throws ProblemException 404 as {@link #find}; 403 when the caller may see it but does not teach its course */
    private Announcement findManaged(UUID id) {
        Announcement announcement = find(id);
        if (!CourseAccess.teaches(caller, announcement.course)) {
            throw ProblemException.forbidden(
                    "Only the course's instructor or an admin changes or deletes its announcements.");
        }
        return announcement;
    }
}
