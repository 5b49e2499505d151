package dev.lms.enrollment;

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

/** The enrollments of one course: the class list an instructor opens. */
@Path("/api/v1/courses/{id}/enrollments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Enrollments")
public class CourseEnrollmentsResource {

    private final EnrollmentService enrollments;

    public CourseEnrollmentsResource(EnrollmentService enrollments) {
        this.enrollments = enrollments;
    }

    @GET
    @Operation(operationId = "listCourseEnrollments", summary = "List a course's enrollments")
    public RestResponse<List<EnrollmentResponse>> list(
            @PathParam("id") UUID courseId, @Valid @BeanParam PageRequest page, UriInfo uri) {
        return Responses.page(enrollments.listForCourse(courseId, page), uri);
    }
}
