package dev.lms.crud;

import dev.lms.persistence.AuditedEntity;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/**
 * Deletes one row by id with a single DELETE statement, honouring the expected version: the version is part of the WHERE
 * clause, so a concurrent update cannot slip in between a check and the delete. The database cascades the rest.
 */
public final class ConditionalDelete {

    private ConditionalDelete() {}

    /**
     * @return whether a row was deleted; false when there is no row with this id
     * @throws Refusal stale when the row exists but its version is not one the caller expected
     */
    public static boolean byId(Class<? extends AuditedEntity> type, UUID id, ExpectedVersion expected) {
        EntityManager entityManager = Panache.getEntityManager(type);
        String entity = entityManager.getMetamodel().entity(type).getName();
        if (expected.isAny()) {
            return entityManager
                            .createQuery("delete from " + entity + " where id = :id")
                            .setParameter("id", id)
                            .executeUpdate()
                    > 0;
        }
        int deleted = entityManager
                .createQuery("delete from " + entity + " where id = :id and version in :versions")
                .setParameter("id", id)
                .setParameter("versions", expected.versions())
                .executeUpdate();
        if (deleted > 0) {
            return true;
        }
        // Only on the refusal path: tell a stale version (412) from a missing row (404).
        Long current = entityManager
                .createQuery("select version from " + entity + " where id = :id", Long.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (current == null) {
            return false;
        }
        throw Refusal.stale(current);
    }
}
