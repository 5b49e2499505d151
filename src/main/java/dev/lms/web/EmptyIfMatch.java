package dev.lms.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * An {@code If-Match} header sent empty is a 400 before any resource runs. JAX-RS hands an empty header's parameter its
 * {@code @DefaultValue}, which for {@link IfMatch} is {@code *} (any version): a client whose tag variable was unset
 * would overwrite or delete blindly instead of being told.
 */
public class EmptyIfMatch {

    @ServerRequestFilter
    public Response refuseEmptyIfMatch(ContainerRequestContext request) {
        List<String> values = request.getHeaders().get(HttpHeaders.IF_MATCH);
        if (values == null || values.stream().noneMatch(String::isBlank)) {
            return null;
        }
        return Problem.of(Status.BAD_REQUEST, "The If-Match header is empty.")
                .withErrors(List.of(new Problem.FieldError(HttpHeaders.IF_MATCH, IfMatch.MALFORMED)))
                .withInstance(request.getUriInfo().getPath())
                .toResponse();
    }
}
