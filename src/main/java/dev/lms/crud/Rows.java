package dev.lms.crud;

import dev.lms.access.Caller;
import dev.lms.persistence.AuditedEntity;
import dev.lms.persistence.Condition;
import dev.lms.persistence.OrderBy;
import dev.lms.persistence.Queries;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The mechanics every feature shares, over one entity and its {@link Policy}: a row the caller may see by id, a row
 * they may change at the version they expect, a page of what they may see, and a conditional delete.
 * <pre>{@code
 * rows = new Rows<>(Announcement.class, "announcement", policy, caller);
 * Announcement announcement = rows.findForChange(id, ifMatch);
 * }</pre>
 */
public final class Rows<E extends AuditedEntity> {

    private final Class<E> type;
    private final String noun;
    private final Policy<E> policy;
    private final Caller caller;

    /** @param noun the row's name as a reader would say it, for a 404's message ("course content") */
    public Rows(Class<E> type, String noun, Policy<E> policy, Caller caller) {
        this.type = type;
        this.noun = noun;
        this.policy = policy;
        this.caller = caller;
    }

    /** @throws Refusal not found for a row that does not exist or that the caller may not see */
    public E find(UUID id) {
        return Queries.select(type, policy.readable().and(AuditedEntity.withId(id)), List.of())
                .uniqueResultOptional()
                .orElseThrow(() -> Refusal.notFound(noun, id));
    }
    /**
     * The row a PUT or PATCH changes: one the caller sees, may change, and at a version they expect.
     *
     * @throws Refusal not found as {@link #find}; forbidden as the policy says; stale for another version
     */
    public E findForChange(UUID id, ExpectedVersion expected) {
        E row = find(id);
        policy.checkChange(row);
        expected.check(row.version);
        return row;
    }

    /** A page of {@code where}, which starts from the policy's {@link Policy#readable()} scope. */
    public <R> PageResult<R> page(
            Condition<E> where, List<OrderBy> order, Page page, Function<? super E, R> toResponse) {
        return PageResult.fetch(Queries.select(type, where, order), page, toResponse);
    }

    /** A page of {@code where} whose total is already known: a nested list's, counted with its parent. */
    public <R> PageResult<R> page(
            Condition<E> where, List<OrderBy> order, Page page, long total, Function<? super E, R> toResponse) {
        return PageResult.fetch(Queries.select(type, where, order), page, total, toResponse);
    }

    /**
     * Deletes the row with one statement, at the version the caller expects; the database cascades the rest. An
     * ADMIN may change any row, so only their delete skips loading it first.
     *
     * @throws Refusal not found as {@link #find}; forbidden as the policy says; stale for another version
     */
    public void delete(UUID id, ExpectedVersion expected) {
        if (!caller.isAdmin()) {
            policy.checkChange(find(id));
        }
        deleteChecked(id, expected);
    }

    /** The conditional delete alone, for a feature whose checks before it are its own. */
    public void deleteChecked(UUID id, ExpectedVersion expected) {
        if (!ConditionalDelete.byId(type, id, expected)) {
            throw Refusal.notFound(noun, id);
        }
    }
}
