package dev.lms.crud;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lms.persistence.AuditedEntity;
import jakarta.transaction.Transactional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The reads and writes every feature offers in the same way, over its {@link Rows}: read one, replace it, merge-patch
 * it and delete it. A feature's service extends it with its lists, its create (usually {@link #insert}) and
 * {@link #copy}: how a request is checked and copied onto its entity, the one step where the features differ. A
 * feature whose replace, patch, update or delete has a rule of its own overrides that method.
 *
 * @param <E> the entity
 * @param <Q> the request record, which a PUT sends whole and a merge patch is applied to
 * @param <R> the response record
 */
@Transactional
public abstract class CrudService<E extends AuditedEntity, Q, R> {

    protected final Rows<E> rows;
    private final MergePatch mergePatch;
    private final Class<Q> requestType;
    private final Function<E, Q> toRequest;
    private final Function<E, R> toResponse;

    /** For the CDI client proxy of a subclass, which never calls these methods itself. */
    protected CrudService() {
        this(null, null, null, null, null);
    }

    protected CrudService(
            Rows<E> rows,
            MergePatch mergePatch,
            Class<Q> requestType,
            Function<E, Q> toRequest,
            Function<E, R> toResponse) {
        this.rows = rows;
        this.mergePatch = mergePatch;
        this.requestType = requestType;
        this.toRequest = toRequest;
        this.toResponse = toResponse;
    }

    /**
     * Checks {@code request} and copies it onto {@code row}: the one step where the features differ. A new row has a
     * null id; an existing one holds what is stored, for the rules that compare the two.
     */
    protected abstract void copy(Q request, E row);

    /**
     * Inserts {@code row} with {@code request} copied on, flushed here rather than at commit: a broken constraint (a
     * duplicate, a dangling id) is this call's error, and the response shows what the insert wrote.
     */
    protected R insert(E row, Q request) {
        copy(request, row);
        row.persistAndFlush();
        return toResponse.apply(row);
    }

    /** Copies {@code request} onto {@code row}, flushed: the response shows what was written. */
    protected R update(E row, Q request) {
        copy(request, row);
        row.flush();
        return toResponse.apply(row);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public R get(UUID id) {
        return toResponse.apply(rows.find(id));
    }

    public R replace(UUID id, Q request, ExpectedVersion ifMatch) {
        return update(rows.findForChange(id, ifMatch), request);
    }

    /** RFC 7396 onto the request a PUT would send for the row now, validated as that PUT would be. */
    public R patch(UUID id, JsonNode patch, ExpectedVersion ifMatch) throws JsonProcessingException {
        E row = rows.findForChange(id, ifMatch);
        return update(row, mergePatch.apply(toRequest.apply(row), patch, requestType));
    }

    public void delete(UUID id, ExpectedVersion ifMatch) {
        rows.delete(id, ifMatch);
    }
}
