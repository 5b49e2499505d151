package dev.lms.course;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lms.idempotency.Idempotent;
import dev.lms.web.IfMatch;
import dev.lms.web.PageRequest;
import dev.lms.web.Responses;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

@Path("/api/v1/courses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Courses")
public class CourseResource {

    private final CourseService courses;

    public CourseResource(CourseService courses) {
        this.courses = courses;
    }

    @GET
    @Operation(operationId = "listCourses", summary = "List courses, filtered by instructor, active flag and semester")
    public RestResponse<List<CourseResponse>> list(
            @QueryParam("instructorId") UUID instructorId,
            @QueryParam("active") Boolean active,
            @QueryParam("semester")
                    @Size(max = CourseConstraints.SEMESTER_MAX, message = "must be at most {max} characters") String semester,
            @Valid @BeanParam PageRequest page,
            UriInfo uri) {
        return Responses.page(courses.list(instructorId, active, semester, page), uri);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getCourse", summary = "Read a course")
    public RestResponse<CourseResponse> get(@PathParam("id") UUID id) {
        return Responses.ok(courses.get(id));
    }

    @POST
    @Idempotent
    @Operation(operationId = "createCourse", summary = "Create a course, taught by an INSTRUCTOR or ADMIN")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = CourseResponse.class)))
    public RestResponse<CourseResponse> create(@Valid @NotNull CourseRequest body, UriInfo uri) {
        return Responses.created(uri, courses.create(body));
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "replaceCourse", summary = "Replace a course")
    public RestResponse<CourseResponse> replace(
            @PathParam("id") UUID id,
            @Valid @NotNull CourseRequest body,
            @HeaderParam(HttpHeaders.IF_MATCH) @DefaultValue("*") IfMatch ifMatch) {
        return Responses.ok(courses.replace(id, body, ifMatch));
    }

    @PATCH
    @Path("{id}")
    @Consumes(Responses.MERGE_PATCH_JSON)
    @Operation(operationId = "patchCourse", summary = "Change some fields of a course (JSON merge patch)")
    @RequestBody(
            content =
                    @Content(
                            mediaType = Responses.MERGE_PATCH_JSON,
                            schema = @Schema(implementation = CourseRequest.class)))
    public RestResponse<CourseResponse> patch(
            @PathParam("id") UUID id,
            JsonNode patch,
            @HeaderParam(HttpHeaders.IF_MATCH) @DefaultValue("*") IfMatch ifMatch)
            throws JsonProcessingException {
        return Responses.ok(courses.patch(id, patch, ifMatch));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteCourse", summary = "Delete a course and everything in it")
    @APIResponse(
            responseCode = "204",
            description = "Deleted, with its enrollments, assignments, discussions and content")
    public void delete(
            @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) @DefaultValue("*") IfMatch ifMatch) {
        courses.delete(id, ifMatch);
    }
}
