package dev.lms.announcement;

import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
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

@ApplicationScoped
@Transactional
public class AnnouncementService {

    static final Sorting SORTING = Sorting.of("title", "createdAt", "updatedAt");

    /** A course's page shows the latest news first (the index on course_id, created_at serves it). */
    static final Sort NEWEST_FIRST = Sort.descending("createdAt").and("id", Sort.Direction.Descending);

    private final MergePatch mergePatch;

    public AnnouncementService(MergePatch mergePatch) {
        this.mergePatch = mergePatch;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<AnnouncementResponse> list(UUID courseId, UUID authorId, PageRequest page) {
        Where where = new Where()
                .and("course.id = :courseId", "courseId", courseId)
                .and("author.id = :authorId", "authorId", authorId);
        return page.fetch(Announcement.find(where.query(), SORTING.parse(page), where.parameters()), AnnouncementResponse::of);
    }

    /** A course's announcements, newest first unless {@code sort} says otherwise; 404 for an unknown course. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<AnnouncementResponse> ofCourse(UUID courseId, PageRequest page) {
        Sort sort = page.sort == null || page.sort.isBlank() ? NEWEST_FIRST : SORTING.parse(page);
        PageResult<AnnouncementResponse> result = page.fetch(Announcement.find("course.id", sort, courseId),
                AnnouncementResponse::of);
        // Only an empty course needs the extra look-up: any announcement proves the course exists.
        if (result.total() == 0 && Course.count("id", courseId) == 0) {
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
        copy(request, announcement);
        // The foreign keys decide whether the course and author exist: flushed here, a dangling id is this call's 422.
        announcement.persistAndFlush();
        return AnnouncementResponse.of(announcement);
    }

    public AnnouncementResponse replace(UUID id, AnnouncementRequest request, IfMatch ifMatch) {
        Announcement announcement = find(id);
        ifMatch.check(announcement.version);
        return update(announcement, request);
    }

    public AnnouncementResponse patch(UUID id, JsonNode patch, IfMatch ifMatch) throws JsonProcessingException {
        Announcement announcement = find(id);
        ifMatch.check(announcement.version);
        return update(announcement, mergePatch.apply(AnnouncementRequest.of(announcement), patch, AnnouncementRequest.class));
    }

    public void delete(UUID id, IfMatch ifMatch) {
        if (!ConditionalDelete.byId(Announcement.class, id, ifMatch)) {
            throw ProblemException.notFound("announcement", id);
        }
    }

    private AnnouncementResponse update(Announcement announcement, AnnouncementRequest request) {
        copy(request, announcement);
        announcement.flush();
        return AnnouncementResponse.of(announcement);
    }

    private static void copy(AnnouncementRequest request, Announcement announcement) {
        announcement.course = References.to(Course.class, request.courseId());
        announcement.author = References.to(User.class, request.authorId());
        announcement.title = request.title();
        announcement.content = request.content();
    }

    private static Announcement find(UUID id) {
        Announcement announcement = Announcement.findById(id);
        if (announcement == null) {
            throw ProblemException.notFound("announcement", id);
        }
        return announcement;
    }
}
