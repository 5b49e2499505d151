package dev.lms.discussion;

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

@Path("/api/v1/discussions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Discussions")
public class DiscussionResource {

    private final DiscussionService discussions;
    private final DiscussionPostService posts;

    public DiscussionResource(DiscussionService discussions, DiscussionPostService posts) {
        this.discussions = discussions;
        this.posts = posts;
    }

    @GET
    @Operation(operationId = "listDiscussions", summary = "List discussions, filtered by course and author")
    public RestResponse<List<DiscussionResponse>> list(
            @QueryParam("courseId") UUID courseId,
            @QueryParam("authorId") UUID authorId,
            @Valid @BeanParam PageRequest page,
            UriInfo uri) {
        return Responses.page(discussions.list(courseId, authorId, page), uri);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getDiscussion", summary = "Read a discussion")
    public RestResponse<DiscussionResponse> get(@PathParam("id") UUID id) {
        return Responses.ok(discussions.get(id));
    }

    @GET
    @Path("{id}/posts")
    @Operation(
            operationId = "getDiscussionThread",
            summary =
                    "Read a discussion's whole thread: top-level posts, each with its replies nested under it, oldest first",
            description = "At most " + DiscussionConstraints.MAX_THREAD_POSTS + " posts, the oldest; X-Total-Count says"
                    + " how many the discussion holds (page through them all at /api/v1/discussion-posts?discussionId=)."
                    + " Replies nest at most " + DiscussionConstraints.MAX_REPLY_DEPTH + " levels deep.")
    public RestResponse<List<ThreadedPost>> thread(@PathParam("id") UUID id) {
        DiscussionThread thread = posts.thread(id);
        return RestResponse.ResponseBuilder.ok(thread.posts())
                .header(Responses.TOTAL_COUNT, thread.total())
                .build();
    }

    @POST
    @Idempotent
    @Operation(operationId = "createDiscussion", summary = "Start a discussion in a course")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = DiscussionResponse.class)))
    public RestResponse<DiscussionResponse> create(@Valid @NotNull DiscussionRequest body, UriInfo uri) {
        return Responses.created(uri, discussions.create(body));
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "replaceDiscussion", summary = "Replace a discussion")
    public RestResponse<DiscussionResponse> replace(
            @PathParam("id") UUID id,
            @Valid @NotNull DiscussionRequest body,
            @HeaderParam(HttpHeaders.IF_MATCH) @DefaultValue("*") IfMatch ifMatch) {
        return Responses.ok(discussions.replace(id, body, ifMatch));
    }

    @PATCH
    @Path("{id}")
    @Consumes(Responses.MERGE_PATCH_JSON)
    @Operation(operationId = "patchDiscussion", summary = "Change some fields of a discussion (JSON merge patch)")
    @RequestBody(
            content =
                    @Content(
                            mediaType = Responses.MERGE_PATCH_JSON,
                            schema = @Schema(implementation = DiscussionRequest.class)))
    public RestResponse<DiscussionResponse> patch(
            @PathParam("id") UUID id,
            JsonNode patch,
            @HeaderParam(HttpHeaders.IF_MATCH) @DefaultValue("*") IfMatch ifMatch)
            throws JsonProcessingException {
        return Responses.ok(discussions.patch(id, patch, ifMatch));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteDiscussion", summary = "Delete a discussion and all its posts")
    @APIResponse(responseCode = "204", description = "Deleted, with its posts")
    public void delete(
            @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) @DefaultValue("*") IfMatch ifMatch) {
        discussions.delete(id, ifMatch);
    }
}
