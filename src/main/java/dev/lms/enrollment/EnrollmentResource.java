package dev.lms.enrollment;

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

@Path("/api/v1/enrollments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Enrollments")
public class EnrollmentResource {

    private final EnrollmentService enrollments;

    public EnrollmentResource(EnrollmentService enrollments) {
        this.enrollments = enrollments;
    }

    @GET
    @Operation(operationId = "listEnrollments", summary = "List enrollments, filtered by user and course")
    public RestResponse<List<EnrollmentResponse>> list(
            @QueryParam("userId") UUID userId,
            @QueryParam("courseId") UUID courseId,
            @Valid @BeanParam PageRequest page,
            UriInfo uri) {
        return Responses.page(enrollments.list(userId, courseId, page), uri);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getEnrollment", summary = "Read an enrollment")
    public RestResponse<EnrollmentResponse> get(@PathParam("id") UUID id) {
        return Responses.ok(enrollments.get(id));
    }

    @POST
    @Idempotent
    @Operation(operationId = "createEnrollment", summary = "Enroll a user in a course")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = EnrollmentResponse.class)))
    public RestResponse<EnrollmentResponse> create(@Valid @NotNull EnrollmentRequest body, UriInfo uri) {
        return Responses.created(uri, enrollments.enroll(body.userId(), body.courseId()));
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "replaceEnrollment", summary = "Replace an enrollment")
    public RestResponse<EnrollmentResponse> replace(
            @PathParam("id") UUID id,
            @Valid @NotNull EnrollmentRequest body,
            @HeaderParam(HttpHeaders.IF_MATCH) @DefaultValue("*") IfMatch ifMatch) {
        return Responses.ok(enrollments.replace(id, body, ifMatch));
    }

    @PATCH
    @Path("{id}")
    @Consumes(Responses.MERGE_PATCH_JSON)
    @Operation(operationId = "patchEnrollment", summary = "Change some fields of an enrollment (JSON merge patch)")
    @RequestBody(
            content =
                    @Content(
                            mediaType = Responses.MERGE_PATCH_JSON,
                            schema = @Schema(implementation = EnrollmentRequest.class)))
    public RestResponse<EnrollmentResponse> patch(
            @PathParam("id") UUID id,
            JsonNode patch,
            @HeaderParam(HttpHeaders.IF_MATCH) @DefaultValue("*") IfMatch ifMatch)
            throws JsonProcessingException {
        return Responses.ok(enrollments.patch(id, patch, ifMatch));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteEnrollment", summary = "Unenroll: delete an enrollment")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(
            @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) @DefaultValue("*") IfMatch ifMatch) {
        enrollments.delete(id, ifMatch);
    }
}
