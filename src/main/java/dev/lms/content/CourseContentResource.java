package dev.lms.content;

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

@Path("/api/v1/course-content")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Course content")
public class CourseContentResource {

    private final CourseContentService content;

    public CourseContentResource(CourseContentService content) {
        this.content = content;
    }

    @GET
    @Operation(operationId = "listCourseContent", summary = "List course content, filtered by course and type")
    public RestResponse<List<CourseContentResponse>> list(
            @QueryParam("courseId") UUID courseId,
            @QueryParam("type") ContentType type,
            @Valid @BeanParam PageRequest page,
            UriInfo uri) {
        return Responses.page(content.list(courseId, type, page), uri);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getCourseContent", summary = "Read an item of course content")
    public RestResponse<CourseContentResponse> get(@PathParam("id") UUID id) {
        return Responses.ok(content.get(id));
    }

    @POST
    @Idempotent
    @Operation(operationId = "createCourseContent", summary = "Add an item to a course")
    @APIResponse(
            responseCode = "201",
            content = @Content(schema = @Schema(implementation = CourseContentResponse.class)))
    public RestResponse<CourseContentResponse> create(@Valid @NotNull CourseContentRequest body, UriInfo uri) {
        return Responses.created(uri, content.create(body));
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "replaceCourseContent", summary = "Replace an item of course content")
    public RestResponse<CourseContentResponse> replace(
            @PathParam("id") UUID id,
            @Valid @NotNull CourseContentRequest body,
            @HeaderParam(HttpHeaders.IF_MATCH) @DefaultValue("*") IfMatch ifMatch) {
        return Responses.ok(content.replace(id, body, ifMatch));
    }

    @PATCH
    @Path("{id}")
    @Consumes(Responses.MERGE_PATCH_JSON)
    @Operation(
            operationId = "patchCourseContent",
            summary = "Change some fields of an item of course content (JSON merge patch)")
    @RequestBody(
            content =
                    @Content(
                            mediaType = Responses.MERGE_PATCH_JSON,
                            schema = @Schema(implementation = CourseContentRequest.class)))
    public RestResponse<CourseContentResponse> patch(
            @PathParam("id") UUID id,
            JsonNode patch,
            @HeaderParam(HttpHeaders.IF_MATCH) @DefaultValue("*") IfMatch ifMatch)
            throws JsonProcessingException {
        return Responses.ok(content.patch(id, patch, ifMatch));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteCourseContent", summary = "Delete an item of course content")
    public void delete(
            @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) @DefaultValue("*") IfMatch ifMatch) {
        content.delete(id, ifMatch);
    }
}
