package dev.lms.announcement;

import dev.lms.access.Caller;
import dev.lms.course.CourseAccess;
import dev.lms.course.Course_;
import dev.lms.crud.CrudService;
import dev.lms.crud.MergePatch;
import dev.lms.crud.Page;
import dev.lms.crud.PageResult;
import dev.lms.crud.Rows;
import dev.lms.crud.Sorting;
import dev.lms.persistence.Condition;
import dev.lms.persistence.OrderBy;
import dev.lms.persistence.References;
import dev.lms.user.User;
import dev.lms.user.User_;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * Announcements, as their callers may see them: those of the courses the caller teaches or is enrolled in
 * ({@code Membership#readable}). The course's instructor (or an admin) writes them; students only read.
 */
@ApplicationScoped
@Transactional
public class AnnouncementService extends CrudService<Announcement, AnnouncementRequest, AnnouncementResponse> {

    static final Sorting SORTING = Sorting.of("title", "createdAt", "updatedAt");

    /** A course's page shows the latest news first (the index on course_id, created_at serves it). */
    static final List<OrderBy> NEWEST_FIRST = List.of(OrderBy.desc("createdAt"), OrderBy.desc("id"));

    private final AnnouncementPolicy policy;
    private final Caller caller;
    private final CourseAccess courseAccess;

    public AnnouncementService(
            AnnouncementPolicy policy, MergePatch mergePatch, Caller caller, CourseAccess courseAccess) {
        super(
                new Rows<>(Announcement.class, "announcement", policy, caller),
                mergePatch,
                AnnouncementRequest.class,
                AnnouncementRequest::of,
                AnnouncementResponse::of);
        this.policy = policy;
        this.caller = caller;
        this.courseAccess = courseAccess;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<AnnouncementResponse> list(UUID courseId, UUID authorId, Page page) {
        Condition<Announcement> where = policy.readable()
                .and(Condition.equalIfPresent(
                        announcement -> announcement.get(Announcement_.course).get(Course_.id), courseId))
                .and(Condition.equalIfPresent(
                        announcement -> announcement.get(Announcement_.author).get(User_.id), authorId));
        return rows.page(where, SORTING.parse(page), page, AnnouncementResponse::of);
    }

    /**
     * A course's announcements, newest first unless {@code sort} says otherwise; 404 for a course that does not exist
     * or that the caller may not see.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<AnnouncementResponse> ofCourse(UUID courseId, Page page) {
        List<OrderBy> order = SORTING.parse(page, NEWEST_FIRST);
        Condition<Announcement> where = policy.readable()
                .and(Condition.equal(
                        announcement -> announcement.get(Announcement_.course).get(Course_.id), courseId));
        return courseAccess.pageOf(courseId, rows.page(where, order, page, AnnouncementResponse::of));
    }

    public AnnouncementResponse create(AnnouncementRequest request) {
        Announcement announcement = new Announcement();
        announcement.course = policy.courseToWrite(request.courseId());
        announcement.author = References.to(User.class, policy.author(request.authorId(), caller.id()));
        return insert(announcement, request);
    }

    @Override
    protected AnnouncementResponse update(Announcement announcement, AnnouncementRequest request) {
        if (!announcement.course.id.equals(request.courseId())) {
            announcement.course = policy.courseToWrite(request.courseId());
        }
        UUID authorId = announcement.author == null ? null : announcement.author.id;
        announcement.author = References.to(User.class, policy.author(request.authorId(), authorId));
        return super.update(announcement, request);
    }

    @Override
    protected void copy(AnnouncementRequest request, Announcement announcement) {
        announcement.title = request.title();
        announcement.content = request.content();
    }
}
