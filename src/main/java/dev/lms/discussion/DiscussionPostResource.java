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

@Path("/api/v1/discussion-posts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Discussion posts")
public class DiscussionPostResource {

    private final DiscussionPostService posts;

    public DiscussionPostResource(DiscussionPostService posts) {
        this.posts = posts;
    }

    @GET
    @Operation(
            operationId = "listDiscussionPosts",
            summary =
                    "List posts, filtered by discussion, author and parent; GET /discussions/{id}/posts gives the thread as a tree")
    public RestResponse<List<DiscussionPostResponse>> list(
            @QueryParam("discussionId") UUID discussionId,
            @QueryParam("authorId") UUID authorId,
            @QueryParam("parentId") UUID parentId,
            @Valid @BeanParam PageRequest page,
            UriInfo uri) {
        return Responses.page(posts.list(discussionId, authorId, parentId, page), uri);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getDiscussionPost", summary = "Read a post")
    public RestResponse<DiscussionPostResponse> get(@PathParam("id") UUID id) {
        return Responses.ok(posts.get(id));
    }

    @POST
    @Idempotent
    @Operation(
            operationId = "createDiscussionPost",
            summary = "Post in a discussion, or reply to a post of the same discussion")
    @APIResponse(
            responseCode = "201",
            content = @Content(schema = @Schema(implementation = DiscussionPostResponse.class)))
    public RestResponse<DiscussionPostResponse> create(@Valid @NotNull DiscussionPostRequest body, UriInfo uri) {
        return Responses.created(uri, posts.create(body));
    }

    @PUT
    @Path("{id}")
    @Operation(
            operationId = "replaceDiscussionPost",
            summary = "Replace a post; it may move under another post of its discussion, but not under its own replies")
    public RestResponse<DiscussionPostResponse> replace(
            @PathParam("id") UUID id,
            @Valid @NotNull DiscussionPostRequest body,
            @HeaderParam(HttpHeaders.IF_MATCH) @DefaultValue("*") IfMatch ifMatch) {
        return Responses.ok(posts.replace(id, body, ifMatch));
    }

    @PATCH
    @Path("{id}")
    @Consumes(Responses.MERGE_PATCH_JSON)
    @Operation(operationId = "patchDiscussionPost", summary = "Change some fields of a post (JSON merge patch)")
    @RequestBody(
            content =
                    @Content(
                            mediaType = Responses.MERGE_PATCH_JSON,
                            schema = @Schema(implementation = DiscussionPostRequest.class)))
    public RestResponse<DiscussionPostResponse> patch(
            @PathParam("id") UUID id,
            JsonNode patch,
            @HeaderParam(HttpHeaders.IF_MATCH) @DefaultValue("*") IfMatch ifMatch)
            throws JsonProcessingException {
        return Responses.ok(posts.patch(id, patch, ifMatch));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteDiscussionPost", summary = "Delete a post and its replies, down the thread")
    @APIResponse(responseCode = "204", description = "Deleted, with its replies")
    public void delete(
            @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) @DefaultValue("*") IfMatch ifMatch) {
        posts.delete(id, ifMatch);
    }
}
