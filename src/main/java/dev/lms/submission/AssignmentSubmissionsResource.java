package dev.lms.submission;

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

/** The submissions to one assignment: what an instructor opens to grade. */
@Path("/api/v1/assignments/{id}/submissions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Submissions")
public class AssignmentSubmissionsResource {

    private final SubmissionService submissions;

    public AssignmentSubmissionsResource(SubmissionService submissions) {
        this.submissions = submissions;
    }

    @GET
    @Operation(operationId = "listAssignmentSubmissions", summary = "List an assignment's submissions")
    public RestResponse<List<SubmissionResponse>> list(
            @PathParam("id") UUID assignmentId, @Valid @BeanParam PageRequest page, UriInfo uri) {
        return Responses.page(submissions.listForAssignment(assignmentId, page), uri);
    }
}
