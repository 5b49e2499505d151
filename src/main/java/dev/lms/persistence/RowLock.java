package dev.lms.persistence;

import io.quarkus.hibernate.orm.panache.Panache;
import java.util.UUID;

/**
 * Row locks for check-then-act sequences: taken before the check, held until the transaction ends, so that a
 * concurrent writer of the same row waits for this transaction and then sees its outcome (READ COMMITTED reads what
 * committed before each statement). The database's own rules take the matching locks in the V6 triggers.
 */
public enum RowLock {
    /** Blocks other writers and FOR SHARE readers (such as grading) of the row, but not foreign-key checks. */
    FOR_NO_KEY_UPDATE("FOR NO KEY UPDATE"),
    /** What a DELETE takes: also blocks foreign-key checks of rows that would point at it. */
    FOR_UPDATE("FOR UPDATE");

    private final String clause;

    RowLock(String clause) {
        this.clause = clause;
    }

    /**
     * @param table a table name from the code, never from a request
     * @return whether the row still exists once locked
     */
    public boolean lock(String table, UUID id) {
        return !Panache.getEntityManager()
                .createNativeQuery("SELECT 1 FROM " + table + " WHERE id = :id " + clause)
                .setParameter("id", id)
                .getResultList()
                .isEmpty();
    }
}
