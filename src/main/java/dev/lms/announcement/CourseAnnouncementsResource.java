package dev.lms.announcement;

import dev.lms.web.PageRequest;
import dev.lms.web.Responses;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** A course's announcements, as its page shows them. Here rather than in CourseResource: announcements own the query. */
@Path("/api/v1/courses/{courseId}/announcements")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Announcements")
public class CourseAnnouncementsResource {

    private final AnnouncementService announcements;

    public CourseAnnouncementsResource(AnnouncementService announcements) {
        this.announcements = announcements;
    }

    @GET
    @Operation(
            operationId = "listCourseAnnouncements",
            summary = "List a course's announcements, newest first unless sort says otherwise")
    public RestResponse<List<AnnouncementResponse>> list(
            @PathParam("courseId") UUID courseId, @Valid @BeanParam PageRequest page, UriInfo uri) {
        return Responses.page(announcements.ofCourse(courseId, page), uri);
    }
}
