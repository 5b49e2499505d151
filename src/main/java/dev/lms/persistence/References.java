package dev.lms.persistence;

import io.quarkus.hibernate.orm.panache.Panache;
import java.util.UUID;

/**
 * A reference to a row by id, without loading it: the foreign key decides whether it exists when the referring row is
 * flushed, and its violation becomes a 422 naming the field (see {@code dev.lms.web.DatabaseErrorMapper}).
 */
public final class References {

    private References() {}

    /** @return a lazy reference to the row with this id, or null when {@code id} is null */
    public static <T> T to(Class<T> type, UUID id) {
        return id == null ? null : Panache.getEntityManager(type).getReference(type, id);
    }
}
