package dev.lms.auth;

import dev.lms.web.Problem;
import dev.lms.web.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The public keys this service's tokens verify with, so that other services can verify them too (RFC 7517). */
@Path("/.well-known/jwks.json")
@Tag(name = "Authentication")
public class JwksResource {

    /**
     * How long verifiers may cache the key set. A rotation waits at least this long between publishing a new key and
     * signing with it (README, Sessions and key rotation).
     */
    static final int CACHE_SECONDS = 300;

    private final SigningKeys keys;

    public JwksResource(SigningKeys keys) {
        this.keys = keys;
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "getSigningKeys",
            summary = "The public keys that verify this service's tokens, current and previous, as a JWKS")
    @APIResponse(
            responseCode = "200",
            description = "The key set, cacheable for five minutes",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.OBJECT,
                                            requiredProperties = "keys",
                                            properties = @SchemaProperty(name = "keys", type = SchemaType.ARRAY))))
    @APIResponse(responseCode = "404", description = "Tokens come from an external identity provider: ask it")
    public RestResponse<Map<String, Object>> jwks() {
        if (keys.external()) {
            throw new ProblemException(Problem.of(
                    Status.NOT_FOUND,
                    "This service verifies tokens from an external identity provider; its keys are published there."));
        }
        return RestResponse.ResponseBuilder.ok(keys.jwks())
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=" + CACHE_SECONDS)
                .build();
    }
}
