package dev.lms.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lms.access.Caller;
import dev.lms.web.Problem;
import dev.lms.web.ProblemException;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code Idempotency-Key} (IETF draft-ietf-httpapi-idempotency-key-header, with Stripe's semantics) for the resource
 * methods marked {@link Idempotent}.
 * <p>
 * The design, in one transaction that this interceptor opens around the resource method (the services'
 * {@code @Transactional} methods join it):
 * <ol>
 *   <li>claim the key: insert its row, keyed by (caller, key). If another request holds the key in a transaction
 *       still running, the insert waits on the primary key until it ends: a concurrent retry waits for the first
 *       request and then gets its response, rather than a 409;</li>
 *   <li>if a committed row holds the key: the same request (method, path and body) gets the stored response again,
 *       and nothing is written; another request is a 422;</li>
 *   <li>otherwise run the resource method, store its response in the row, and commit the write and the response
 *       together. A retry after an in-doubt commit therefore finds the response exactly when the write committed.</li>
 * </ol>
 * A refusal by the service's rules (403, 404, 409, 412, 422) rolls the transaction back; its response, known only
 * once the exception mappers have built it, is stored afterwards by {@link RefusalRecorder}. Requests refused before
 * the method runs (400 for unreadable or invalid bodies: Bean Validation's interceptor runs outside this one; 401;
 * 413; 415) never reach here, so a corrected retry with the same key is served.
 * <p>
 * Everything is in PostgreSQL, in plain transactions: no session state or advisory lock, so it works through
 * PgBouncer in transaction mode and across replicas.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 900)
public class IdempotencyInterceptor {

    /** The draft makes the key a structured-field string ({@code "..."}); Stripe's clients send it bare. Both do. */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

    private static final ObjectMapper CANONICAL = new ObjectMapper();

    private final HttpHeaders headers;
    private final UriInfo uri;
    private final Request request;
    private final Caller caller;
    private final TransactionManager transactions;
    private final IdempotencyRecords records;
    private final IdempotentRequest current;
    private final ObjectMapper mapper;

    IdempotencyInterceptor(
            HttpHeaders headers,
            UriInfo uri,
            Request request,
            Caller caller,
            TransactionManager transactions,
            IdempotencyRecords records,
            IdempotentRequest current,
            ObjectMapper mapper) {
        this.headers = headers;
        this.uri = uri;
        this.request = request;
        this.caller = caller;
        this.transactions = transactions;
        this.records = records;
        this.current = current;
        this.mapper = mapper;
    }

    @AroundInvoke
    Object runOnce(InvocationContext invocation) throws Exception {
        String header = headers.getHeaderString(Idempotent.HEADER);
        if (header == null) {
            return invocation.proceed();
        }
        String key = key(header);
        UUID user = caller.id();
        String fingerprint = fingerprint(invocation.getParameters());

        transactions.begin();
        Optional<IdempotencyRecords.Earlier> earlier;
        try {
            earlier = records.claim(user, key, fingerprint);
        } catch (Exception | Error failure) {
            transactions.rollback();
            throw failure;
        }
        if (earlier.isPresent()) {
            transactions.rollback();
            return replay(earlier.get(), fingerprint);
        }
        Object result;
        try {
            result = invocation.proceed();
            records.complete(user, key, outcome(result));
        } catch (Exception | Error failure) {
            if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transactions.rollback();
            }
            current.refused(user, key, fingerprint);
            throw failure;
        }
        // A failure here leaves the outcome in doubt (dev.lms.web.CommitFailureMapper): the retry with this key finds
        // the stored response if the commit went through, and runs the request again if it did not.
        transactions.commit();
        return result;
    }

    private static String key(String header) {
        String key = header.strip();
        if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
            key = key.substring(1, key.length() - 1);
        }
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.badRequest(
                    Idempotent.HEADER, "must be 1 to 255 visible ASCII characters, such as a UUID");
        }
        return key;
    }

    private RestResponse<Object> replay(IdempotencyRecords.Earlier earlier, String fingerprint) {
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw new ProblemException(Problem.of(
                    ProblemException.UNPROCESSABLE_CONTENT,
                    "This Idempotency-Key was used for another request (method, path or body). Use a new key for a"
                            + " new request."));
        }
        if (earlier.response() == null) {
            // Cannot happen: a row is claimed and completed in one transaction. Say so rather than replay nothing.
            throw ProblemException.conflict("The request with this Idempotency-Key has not finished; retry later.");
        }
        return earlier.response().replay();
    }

    /**
     * SHA-256 of the method, the path and the method's parameters as the request bound them (the body record, path
     * and query values), written as JSON with sorted keys: the same request resent gives the same fingerprint
     * whatever its formatting or field order.
     */
    private String fingerprint(Object[] parameters) {
        List<Object> bound = Arrays.stream(parameters)
                .filter(parameter -> !(parameter instanceof UriInfo))
                .toList();
        try {
            byte[] canonical = CANONICAL
                    .writer()
                    .with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .writeValueAsBytes(mapper.convertValue(bound, Object.class));
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + uri.getPath() + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Could not fingerprint the request", e);
        }
    }

    private StoredOutcome outcome(Object result) throws JsonProcessingException {
        if (result == null) {
            return new StoredOutcome(204, java.util.Map.of(), null);
        }
        if (result instanceof RestResponse<?> response) {
            return new StoredOutcome(
                    response.getStatus(),
                    StoredOutcome.keptHeaders(response::getHeaderString),
                    body(response.getEntity()));
        }
        if (result instanceof Response response) {
            return new StoredOutcome(
                    response.getStatus(),
                    StoredOutcome.keptHeaders(response::getHeaderString),
                    body(response.getEntity()));
        }
        return new StoredOutcome(200, java.util.Map.of(), body(result));
    }

    private String body(Object entity) throws JsonProcessingException {
        return entity == null ? null : mapper.writeValueAsString(entity);
    }
}
