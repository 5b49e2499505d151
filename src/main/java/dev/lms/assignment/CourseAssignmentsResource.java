package dev.lms.assignment;

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

/** The assignments of one course. */
@Path("/api/v1/courses/{id}/assignments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assignments")
public class CourseAssignmentsResource {

    private final AssignmentService assignments;

    public CourseAssignmentsResource(AssignmentService assignments) {
        this.assignments = assignments;
    }

    @GET
    @Operation(operationId = "listCourseAssignments", summary = "List a course's assignments")
    public RestResponse<List<AssignmentResponse>> list(
            @PathParam("id") UUID courseId, @Valid @BeanParam PageRequest page, UriInfo uri) {
        return Responses.page(assignments.listForCourse(courseId, page), uri);
    }
}
