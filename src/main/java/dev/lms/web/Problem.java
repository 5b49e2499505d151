package dev.lms.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem document: every error the API returns has this shape and the
 * {@code application/problem+json} media type. It never carries stack traces or SQL.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        URI type, String title, int status, String detail, String instance, List<FieldError> errors, String errorId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field of a request, for validation problems. */
    @RegisterForReflection
    public record FieldError(String field, String message) {}

    /** A problem whose type is just its HTTP status ({@code about:blank}, per RFC 9457 section 4.2.1). */
    public static Problem of(Response.StatusType status, String detail) {
        return new Problem(
                URI.create("about:blank"), status.getReasonPhrase(), status.getStatusCode(), detail, null, null, null);
    }

    public Problem withInstance(String instance) {
        return new Problem(type, title, status, detail, instance, errors, errorId);
    }

    /**
     * For a 500: the id the server's log line carries too, so that a report of the failure finds it. Once requests are
     * traced, it is the trace id.
     */
    public Problem withErrorId(String errorId) {
        return new Problem(type, title, status, detail, instance, errors, errorId);
    }

    public Problem withErrors(List<FieldError> errors) {
        return new Problem(type, title, status, detail, instance, errors, errorId);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
