package dev.lms.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem document: every error the API returns has this shape and the
 * {@code application/problem+json} media type. It never carries stack traces or SQL.
 * <p>
 * {@code traceId} is the W3C trace id of the request that was refused ({@link #traced}): the id of its trace, and the
 * {@code traceId} of its log lines, so that a user's error report leads to both.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        URI type,
        String title,
        int status,
        String detail,
        String instance,
        List<FieldError> errors,
        String errorId,
        String traceId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field of a request, for validation problems. */
    @RegisterForReflection
    public record FieldError(String field, String message) {}

    /** A problem whose type is just its HTTP status ({@code about:blank}, per RFC 9457 section 4.2.1). */
    public static Problem of(Response.StatusType status, String detail) {
        return new Problem(
                URI.create("about:blank"),
                status.getReasonPhrase(),
                status.getStatusCode(),
                detail,
                null,
                null,
                null,
                null);
    }

    public Problem withInstance(String instance) {
        return new Problem(type, title, status, detail, instance, errors, errorId, traceId);
    }

    /** For a 500: the id of the one log record, with its stack trace, that describes the failure. */
    public Problem withErrorId(String errorId) {
        return new Problem(type, title, status, detail, instance, errors, errorId, traceId);
    }

    public Problem withErrors(List<FieldError> errors) {
        return new Problem(type, title, status, detail, instance, errors, errorId, traceId);
    }

    /** This problem with the current span's trace id, when a request is being traced. */
    public Problem traced() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return this;
        }
        return new Problem(type, title, status, detail, instance, errors, errorId, span.getTraceId());
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(traced()).build();
    }
}
