package dev.lms.idempotency;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The part of a response a retry must get back: the status, the headers that name what was written ({@code Location},
 * {@code ETag}) and its media type, and the body as the first caller received it (JSON text, or null for none).
 */
public record StoredOutcome(int status, Map<String, String> headers, String body) {

    static final List<String> KEPT_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG, HttpHeaders.CONTENT_TYPE);

    /** The outcomes kept besides a success: refusals by the service's own rules, not by the request's form. */
    static final List<Integer> KEPT_REFUSALS = List.of(403, 404, 409, 412, 422);

    /**
     * Whether a response with this status is stored. A success, and a refusal the service's rules decided. Not a 400
     * (malformed or invalid: the corrected request is another request), 401, 413, 415, or a 5xx (nothing was written,
     * or the outcome is in doubt: the retry must run again).
     */
    static boolean isKept(int status) {
        return (status >= 200 && status < 300) || KEPT_REFUSALS.contains(status);
    }

    static Map<String, String> keptHeaders(java.util.function.Function<String, String> header) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : KEPT_HEADERS) {
            String value = header.apply(name);
            if (value != null) {
                kept.put(name, value);
            }
        }
        return kept;
    }

    /** The response to send again, marked as a replay. */
    RestResponse<Object> replay() {
        RestResponse.ResponseBuilder<Object> response = RestResponse.ResponseBuilder.create(status);
        headers.forEach(response::header);
        return response.header(Idempotent.REPLAYED, "true").entity(body).build();
    }
}
