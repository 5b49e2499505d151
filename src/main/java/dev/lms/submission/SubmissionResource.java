package dev.lms.submission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lms.idempotency.Idempotent;
import dev.lms.web.IfMatch;
import dev.lms.web.PageRequest;
import dev.lms.web.Responses;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/submissions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Submissions")
public class SubmissionResource {

    private final SubmissionService submissions;

    public SubmissionResource(SubmissionService submissions) {
        this.submissions = submissions;
    }

    @GET
    @Operation(operationId = "listSubmissions", summary = "List submissions, filtered by assignment and student")
    public RestResponse<List<SubmissionResponse>> list(
            @QueryParam("assignmentId") UUID assignmentId,
            @QueryParam("studentId") UUID studentId,
            @Valid @BeanParam PageRequest page,
            UriInfo uri) {
        return Responses.page(submissions.list(assignmentId, studentId, page), uri);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getSubmission", summary = "Read a submission")
    public RestResponse<SubmissionResponse> get(@PathParam("id") UUID id) {
        return Responses.ok(submissions.get(id));
    }

    @POST
    @Idempotent
    @Operation(
            operationId = "createSubmission",
            summary = "Submit work for an assignment, as a student enrolled in its course")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = SubmissionResponse.class)))
    public RestResponse<SubmissionResponse> create(@Valid @NotNull SubmissionRequest body, UriInfo uri) {
        return Responses.created(uri, submissions.submit(body));
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "replaceSubmission", summary = "Replace a submission")
    public RestResponse<SubmissionResponse> replace(
            @PathParam("id") UUID id,
            @Valid @NotNull SubmissionRequest body,
            @HeaderParam(HttpHeaders.IF_MATCH) @DefaultValue("*") IfMatch ifMatch) {
        return Responses.ok(submissions.replace(id, body, ifMatch));
    }

    @PATCH
    @Path("{id}")
    @Consumes(Responses.MERGE_PATCH_JSON)
    @Operation(operationId = "patchSubmission", summary = "Change some fields of a submission (JSON merge patch)")
    @RequestBody(
            content =
                    @Content(
                            mediaType = Responses.MERGE_PATCH_JSON,
                            schema = @Schema(implementation = SubmissionRequest.class)))
    public RestResponse<SubmissionResponse> patch(
            @PathParam("id") UUID id,
            JsonNode patch,
            @HeaderParam(HttpHeaders.IF_MATCH) @DefaultValue("*") IfMatch ifMatch)
            throws JsonProcessingException {
        return Responses.ok(submissions.patch(id, patch, ifMatch));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteSubmission", summary = "Delete a submission with its grade")
    @APIResponse(responseCode = "204", description = "Deleted, with its grade")
    public void delete(
            @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) @DefaultValue("*") IfMatch ifMatch) {
        submissions.delete(id, ifMatch);
    }
}
