package dev.lms.announcement;

import dev.lms.access.Caller;
import dev.lms.access.Membership;
import dev.lms.course.CourseAccess;
import dev.lms.crud.CrudService;
import dev.lms.crud.MergePatch;
import dev.lms.crud.Page;
import dev.lms.crud.PageResult;
import dev.lms.crud.Refusal;
import dev.lms.crud.Rows;
import dev.lms.crud.Sorting;
import dev.lms.persistence.References;
import dev.lms.persistence.Where;
import dev.lms.user.User;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Announcements, as their callers may see them: those of the courses the caller teaches or is enrolled in
 * ({@link Membership#readable}). The course's instructor (or an admin) writes them; students only read.
 */
@ApplicationScoped
@Transactional
public class AnnouncementService extends CrudService<Announcement, AnnouncementRequest, AnnouncementResponse> {

    static final Sorting SORTING = Sorting.of("title", "createdAt", "updatedAt");

    /** A course's page shows the latest news first (the index on course_id, created_at serves it). */
    static final Sort NEWEST_FIRST = Sort.descending("createdAt").and("id", Sort.Direction.Descending);

    private final AnnouncementPolicy policy;
    private final Caller caller;

    public AnnouncementService(AnnouncementPolicy policy, MergePatch mergePatch, Caller caller) {
        super(
                new Rows<>(
                        Announcement.class,
                        "announcement",
                        (query, sort, parameters) -> Announcement.find(query, sort, parameters),
                        policy,
                        caller),
                mergePatch,
                AnnouncementRequest.class,
                AnnouncementRequest::of,
                AnnouncementResponse::of);
        this.policy = policy;
        this.caller = caller;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<AnnouncementResponse> list(UUID courseId, UUID authorId, Page page) {
        Where where = policy.readable()
                .andIfPresent("course.id = :courseId", "courseId", courseId)
                .andIfPresent("author.id = :authorId", "authorId", authorId);
        return rows.page(where, SORTING.parse(page), page, AnnouncementResponse::of);
    }

    /**
     * A course's announcements, newest first unless {@code sort} says otherwise; 404 for a course that does not exist
     * or that the caller may not see.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<AnnouncementResponse> ofCourse(UUID courseId, Page page) {
        Sort sort = !page.isSorted() ? NEWEST_FIRST : SORTING.parse(page);
        Where where = policy.readable().and("course.id = :courseId", "courseId", courseId);
        PageResult<AnnouncementResponse> result = PageResult.fetch(
                Announcement.find(where.query(), sort, where.parameters()), page, AnnouncementResponse::of);
        // Only an empty page needs the extra look-up: any announcement proves the course exists and is readable.
        if (result.total() == 0 && !CourseAccess.canRead(caller, courseId)) {
            throw Refusal.notFound("course", courseId);
        }
        return result;
    }

    public AnnouncementResponse create(AnnouncementRequest request) {
        Announcement announcement = new Announcement();
        announcement.course = policy.courseToWrite(request.courseId());
        announcement.author = References.to(User.class, policy.author(request.authorId(), caller.id()));
        copy(request, announcement);
        // The author's foreign key decides whether they exist: flushed here, a dangling authorId is this call's 422.
        announcement.persistAndFlush();
        return AnnouncementResponse.of(announcement);
    }

    @Override
    protected AnnouncementResponse update(Announcement announcement, AnnouncementRequest request) {
        if (!announcement.course.id.equals(request.courseId())) {
            announcement.course = policy.courseToWrite(request.courseId());
        }
        UUID authorId = announcement.author == null ? null : announcement.author.id;
        announcement.author = References.to(User.class, policy.author(request.authorId(), authorId));
        copy(request, announcement);
        announcement.flush();
        return AnnouncementResponse.of(announcement);
    }

    private static void copy(AnnouncementRequest request, Announcement announcement) {
        announcement.title = request.title();
        announcement.content = request.content();
    }
}
