package dev.lms.grade;

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

@Path("/api/v1/grades")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Grades")
public class GradeResource {

    private final GradeService grades;

    public GradeResource(GradeService grades) {
        this.grades = grades;
    }

    @GET
    @Operation(operationId = "listGrades", summary = "List grades, filtered by submission and grader")
    public RestResponse<List<GradeResponse>> list(
            @QueryParam("submissionId") UUID submissionId,
            @QueryParam("gradedById") UUID gradedById,
            @Valid @BeanParam PageRequest page,
            UriInfo uri) {
        return Responses.page(grades.list(submissionId, gradedById, page), uri);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getGrade", summary = "Read a grade")
    public RestResponse<GradeResponse> get(@PathParam("id") UUID id) {
        return Responses.ok(grades.get(id));
    }

    @POST
    @Idempotent
    @Operation(operationId = "createGrade", summary = "Grade a submission, as an INSTRUCTOR or ADMIN")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = GradeResponse.class)))
    public RestResponse<GradeResponse> create(@Valid @NotNull GradeRequest body, UriInfo uri) {
        return Responses.created(uri, grades.grade(body));
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "replaceGrade", summary = "Replace a grade")
    public RestResponse<GradeResponse> replace(
            @PathParam("id") UUID id,
            @Valid @NotNull GradeRequest body,
            @HeaderParam(HttpHeaders.IF_MATCH) @DefaultValue("*") IfMatch ifMatch) {
        return Responses.ok(grades.replace(id, body, ifMatch));
    }

    @PATCH
    @Path("{id}")
    @Consumes(Responses.MERGE_PATCH_JSON)
    @Operation(operationId = "patchGrade", summary = "Change some fields of a grade (JSON merge patch)")
    @RequestBody(
            content =
                    @Content(
                            mediaType = Responses.MERGE_PATCH_JSON,
                            schema = @Schema(implementation = GradeRequest.class)))
    public RestResponse<GradeResponse> patch(
            @PathParam("id") UUID id,
            JsonNode patch,
            @HeaderParam(HttpHeaders.IF_MATCH) @DefaultValue("*") IfMatch ifMatch)
            throws JsonProcessingException {
        return Responses.ok(grades.patch(id, patch, ifMatch));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteGrade", summary = "Delete a grade")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(
            @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) @DefaultValue("*") IfMatch ifMatch) {
        grades.delete(id, ifMatch);
    }
}
