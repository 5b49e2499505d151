package dev.lms.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.sql.SQLException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Stores the response to a refused idempotent request (403, 404, 409, 412, 422), as the exception mappers built it,
 * so that its retry is refused the same way without running again. The refused request's transaction rolled back,
 * so this is a row of its own. If it cannot be stored (the database went away), the client still gets the refusal,
 * and a retry runs the request again, which the refusal left unchanged.
 */
public class RefusalRecorder {

    private static final Logger LOG = Logger.getLogger(RefusalRecorder.class);

    private final IdempotentRequest current;
    private final IdempotencyRecords records;
    private final ObjectMapper mapper;

    RefusalRecorder(IdempotentRequest current, IdempotencyRecords records, ObjectMapper mapper) {
        this.current = current;
        this.records = records;
        this.mapper = mapper;
    }

    @ServerResponseFilter
    public void recordRefusal(ContainerResponseContext response) {
        IdempotentRequest.Refused refused = current.takeRefusal();
        if (refused == null || !StoredOutcome.isKept(response.getStatus())) {
            return;
        }
        try {
            StoredOutcome stored = new StoredOutcome(
                    response.getStatus(),
                    StoredOutcome.keptHeaders(name -> name.equals(HttpHeaders.CONTENT_TYPE)
                            ? (response.getMediaType() == null
                                    ? null
                                    : response.getMediaType().toString())
                            : response.getHeaderString(name)),
                    response.getEntity() == null ? null : mapper.writeValueAsString(response.getEntity()));
            records.record(refused.user(), refused.key(), refused.fingerprint(), stored);
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            LOG.warnf("Could not store the refusal of an idempotent request (%s)", e.toString());
        }
    }
}
