package dev.lms.announcement;

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

@Path("/api/v1/announcements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Announcements")
public class AnnouncementResource {

    private final AnnouncementService announcements;

    public AnnouncementResource(AnnouncementService announcements) {
        this.announcements = announcements;
    }

    @GET
    @Operation(operationId = "listAnnouncements", summary = "List announcements, filtered by course and author")
    public RestResponse<List<AnnouncementResponse>> list(
            @QueryParam("courseId") UUID courseId,
            @QueryParam("authorId") UUID authorId,
            @Valid @BeanParam PageRequest page,
            UriInfo uri) {
        return Responses.page(announcements.list(courseId, authorId, page), uri);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getAnnouncement", summary = "Read an announcement")
    public RestResponse<AnnouncementResponse> get(@PathParam("id") UUID id) {
        return Responses.ok(announcements.get(id));
    }

    @POST
    @Idempotent
    @Operation(operationId = "createAnnouncement", summary = "Announce something in a course")
    @APIResponse(
            responseCode = "201",
            content = @Content(schema = @Schema(implementation = AnnouncementResponse.class)))
    public RestResponse<AnnouncementResponse> create(@Valid @NotNull AnnouncementRequest body, UriInfo uri) {
        return Responses.created(uri, announcements.create(body));
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "replaceAnnouncement", summary = "Replace an announcement")
    public RestResponse<AnnouncementResponse> replace(
            @PathParam("id") UUID id,
            @Valid @NotNull AnnouncementRequest body,
            @HeaderParam(HttpHeaders.IF_MATCH) @DefaultValue("*") IfMatch ifMatch) {
        return Responses.ok(announcements.replace(id, body, ifMatch));
    }

    @PATCH
    @Path("{id}")
    @Consumes(Responses.MERGE_PATCH_JSON)
    @Operation(operationId = "patchAnnouncement", summary = "Change some fields of an announcement (JSON merge patch)")
    @RequestBody(
            content =
                    @Content(
                            mediaType = Responses.MERGE_PATCH_JSON,
                            schema = @Schema(implementation = AnnouncementRequest.class)))
    public RestResponse<AnnouncementResponse> patch(
            @PathParam("id") UUID id,
            JsonNode patch,
            @HeaderParam(HttpHeaders.IF_MATCH) @DefaultValue("*") IfMatch ifMatch)
            throws JsonProcessingException {
        return Responses.ok(announcements.patch(id, patch, ifMatch));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteAnnouncement", summary = "Delete an announcement")
    public void delete(
            @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) @DefaultValue("*") IfMatch ifMatch) {
        announcements.delete(id, ifMatch);
    }
}
