package dev.lms.content;

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

/** A course's content, as its outline shows it. Here rather than in CourseResource: content owns the query. */
@Path("/api/v1/courses/{courseId}/content")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Course content")
public class CourseContentOfCourseResource {

    private final CourseContentService content;

    public CourseContentOfCourseResource(CourseContentService content) {
        this.content = content;
    }

    @GET
    @Operation(
            operationId = "listContentOfCourse",
            summary = "List a course's content in position order (then creation order), unless sort says otherwise")
    public RestResponse<List<CourseContentResponse>> list(
            @PathParam("courseId") UUID courseId, @Valid @BeanParam PageRequest page, UriInfo uri) {
        return Responses.page(content.ofCourse(courseId, page), uri);
    }
}
