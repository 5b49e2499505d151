package dev.lms.user;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lms.access.UserRole;
import dev.lms.idempotency.Idempotent;
import dev.lms.web.IfMatch;
import dev.lms.web.PageRequest;
import dev.lms.web.Responses;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
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

@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
public class UserResource {

    private final UserService users;

    public UserResource(UserService users) {
        this.users = users;
    }

    @GET
    @Operation(operationId = "listUsers", summary = "List users, filtered by role and email")
    public RestResponse<List<UserResponse>> list(
            @QueryParam("role") UserRole role,
            @QueryParam("email")
                    @Email @Size(max = UserConstraints.EMAIL_MAX, message = "must be at most {max} characters") String email,
            @Valid @BeanParam PageRequest page,
            UriInfo uri) {
        return Responses.page(users.list(role, email, page), uri);
    }

    @GET
    @Path("me")
    @Operation(operationId = "getCurrentUser", summary = "Read the caller's own user")
    public RestResponse<UserResponse> me() {
        return Responses.ok(users.me());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getUser", summary = "Read a user")
    public RestResponse<UserResponse> get(@PathParam("id") UUID id) {
        return Responses.ok(users.get(id));
    }

    @POST
    @Idempotent
    @Operation(operationId = "createUser", summary = "Create a user")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = UserResponse.class)))
    public RestResponse<UserResponse> create(@Valid @NotNull UserRequest body, UriInfo uri) {
        return Responses.created(uri, users.create(body));
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "replaceUser", summary = "Replace a user")
    public RestResponse<UserResponse> replace(
            @PathParam("id") UUID id,
            @Valid @NotNull UserRequest body,
            @HeaderParam(HttpHeaders.IF_MATCH) @DefaultValue("*") IfMatch ifMatch) {
        return Responses.ok(users.replace(id, body, ifMatch));
    }

    @PATCH
    @Path("{id}")
    @Consumes(Responses.MERGE_PATCH_JSON)
    @Operation(operationId = "patchUser", summary = "Change some fields of a user (JSON merge patch)")
    @RequestBody(
            content =
                    @Content(
                            mediaType = Responses.MERGE_PATCH_JSON,
                            schema = @Schema(implementation = UserRequest.class)))
    public RestResponse<UserResponse> patch(
            @PathParam("id") UUID id,
            JsonNode patch,
            @HeaderParam(HttpHeaders.IF_MATCH) @DefaultValue("*") IfMatch ifMatch)
            throws JsonProcessingException {
        return Responses.ok(users.patch(id, patch, ifMatch));
    }

    @POST
    @Idempotent
    @Path("{id}/revoke-tokens")
    @Operation(
            operationId = "revokeUserTokens",
            summary = "Refuse every token issued to a user so far and end their sessions (an admin, or the user"
                    + " themselves)")
    @APIResponse(responseCode = "204", description = "Revoked; the user logs in again for new tokens")
    public void revokeTokens(@PathParam("id") UUID id) {
        users.revokeTokens(id);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteUser", summary = "Delete a user; refused while they still teach a course")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(
            @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) @DefaultValue("*") IfMatch ifMatch) {
        users.delete(id, ifMatch);
    }
}
