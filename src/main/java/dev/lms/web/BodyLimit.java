package dev.lms.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response.Status;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code quarkus.http.limits.max-body-size} refused as a problem, like every other error. Quarkus itself answers a
 * {@code Content-Length} above the limit with a bare 413 and no body, before any JAX-RS code runs; this route comes
 * first and gives the same refusal its problem document.
 * <p>
 * The limit (application.properties) is sized from the largest field limits: the longest request body is a submission
 * or a content item with 102,248 characters of text, at most 6 bytes each when every one is sent as a JSON
 * {@code \\uXXXX} escape, so about 600 KB; 1 MB leaves the rest for the JSON around them. {@code
 * BodyLimitTest} sends that worst case and one byte more than the limit.
 */
@ApplicationScoped
public class BodyLimit {

    void refuseOversizedBodies(
            @Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit,
            ObjectMapper mapper) {
        Problem problem = Problem.of(
                Status.REQUEST_ENTITY_TOO_LARGE,
                "The request body is larger than the " + limit.asLongValue() + " bytes this service accepts.");
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String length = context.request().getHeader(HttpHeaderNames.CONTENT_LENGTH);
            if (length != null && isAbove(length, limit.asLongValue())) {
                String body; // written per request: it names the request's trace
                try {
                    body = mapper.writeValueAsString(problem.traced());
                } catch (JsonProcessingException e) {
                    context.fail(e);
                    return;
                }
                context.response()
                        .setStatusCode(Status.REQUEST_ENTITY_TOO_LARGE.getStatusCode())
                        .putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        // The body is not read: the connection cannot be reused.
                        .putHeader(HttpHeaderNames.CONNECTION, "close")
                        .end(body);
                return;
            }
            context.next();
        });
    }

    private static boolean isAbove(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.strip()) > limit;
        } catch (NumberFormatException malformed) {
            return false; // Vert.x refuses a malformed Content-Length itself.
        }
    }
}
