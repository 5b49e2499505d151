package dev.lms.assignment;

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
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/assignments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Assignments")
public class AssignmentResource {

    private final AssignmentService assignments;

    public AssignmentResource(AssignmentService assignments) {
        this.assignments = assignments;
    }

    @GET
    @Operation(operationId = "listAssignments", summary = "List assignments, filtered by course and due date")
    public RestResponse<List<AssignmentResponse>> list(
            @QueryParam("courseId") UUID courseId,
            @QueryParam("dueBefore")
                    @Parameter(description = "Due before this ISO-8601 instant, such as 2026-01-31T23:59:00Z.")
                    Instant dueBefore,
            @QueryParam("dueAfter") @Parameter(description = "Due at or after this ISO-8601 instant.") Instant dueAfter,
            @Valid @BeanParam PageRequest page,
            UriInfo uri) {
        return Responses.page(assignments.list(courseId, dueBefore, dueAfter, page), uri);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getAssignment", summary = "Read an assignment")
    public RestResponse<AssignmentResponse> get(@PathParam("id") UUID id) {
        return Responses.ok(assignments.get(id));
    }

    @POST
    @Idempotent
    @Operation(operationId = "createAssignment", summary = "Post an assignment in a course")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = AssignmentResponse.class)))
    public RestResponse<AssignmentResponse> create(@Valid @NotNull AssignmentRequest body, UriInfo uri) {
        return Responses.created(uri, assignments.create(body));
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "replaceAssignment", summary = "Replace an assignment")
    public RestResponse<AssignmentResponse> replace(
            @PathParam("id") UUID id,
            @Valid @NotNull AssignmentRequest body,
            @HeaderParam(HttpHeaders.IF_MATCH) @DefaultValue("*") IfMatch ifMatch) {
        return Responses.ok(assignments.replace(id, body, ifMatch));
    }

    @PATCH
    @Path("{id}")
    @Consumes(Responses.MERGE_PATCH_JSON)
    @Operation(operationId = "patchAssignment", summary = "Change some fields of an assignment (JSON merge patch)")
    @RequestBody(
            content =
                    @Content(
                            mediaType = Responses.MERGE_PATCH_JSON,
                            schema = @Schema(implementation = AssignmentRequest.class)))
    public RestResponse<AssignmentResponse> patch(
            @PathParam("id") UUID id,
            JsonNode patch,
            @HeaderParam(HttpHeaders.IF_MATCH) @DefaultValue("*") IfMatch ifMatch)
            throws JsonProcessingException {
        return Responses.ok(assignments.patch(id, patch, ifMatch));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteAssignment", summary = "Delete an assignment with its submissions and grades")
    @APIResponse(responseCode = "204", description = "Deleted, with its submissions and their grades")
    public void delete(
            @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) @DefaultValue("*") IfMatch ifMatch) {
        assignments.delete(id, ifMatch);
    }
}
